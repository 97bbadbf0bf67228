import { error, fail } from '@sveltejs/kit';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import {
	brokerReferralView,
	completeReferral,
	declineReferral,
	getPartnerReferral,
	requestsSince,
	takeUpReferral
} from '$lib/server/backoffice/partner-referrals';
import { searchResidents } from '$lib/server/broker/residents';
import * as clock from '$lib/server/clock';
import { siteOrigin } from '$lib/server/config';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The referral of the route, for a broker of its neighbourhood (residents refused first). */
function referralOf(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	requireBroker(event);
	const referral = getPartnerReferral(db, Number(event.params.id));
	if (!referral) error(404, 'not found');
	const user = requireBrokerOf(event, referral.neighbourhoodId);
	return { user, referral };
}

/**
 * A partner's referral as an intake to complete: take it up, register the person at the phone
 * intake (or find them), place their request, then link both here; or decline.
 */
export const load: PageServerLoad = (event) => {
	const { referral } = referralOf(event);
	// The resident search: prefilled with the phone (or name) the partner gave.
	const q = (event.url.searchParams.get('q') ?? (referral.phone || referral.name))
		.trim()
		.slice(0, 100);
	const found =
		referral.status === 'completed' || referral.status === 'declined' || !q
			? []
			: searchResidents(db, [referral.neighbourhoodId], q, 1).items.map((r) => ({
					id: r.id,
					name: r.displayName,
					street: r.street,
					houseNumber: r.houseNumber,
					requests: requestsSince(db, r.id, referral.createdAt)
				}));
	return {
		...brokerReferralView(db, referral),
		q,
		found,
		intakeHref: `/broker/intake?from=${encodeURIComponent(referral.phone || referral.name)}`
	};
};

export const actions: Actions = {
	takeUp: (event) => {
		const { user, referral } = referralOf(event);
		const r = takeUpReferral(db, user.id, referral, siteOrigin(), clock.now());
		return r.ok ? { done: 'taken_up' } : fail(409, { error: r.error });
	},
	decline: (event) => {
		const { user, referral } = referralOf(event);
		const r = declineReferral(db, user.id, referral, siteOrigin(), clock.now());
		return r.ok ? { done: 'declined' } : fail(409, { error: r.error });
	},
	complete: async (event) => {
		const { user, referral } = referralOf(event);
		const data = await event.request.formData();
		const residentId = String(data.get('residentId') ?? '');
		const post = String(data.get('postId') ?? '');
		const r = completeReferral(
			db,
			user.id,
			referral,
			residentId,
			post ? Number(post) : null,
			siteOrigin(),
			clock.now()
		);
		return r.ok ? { done: 'completed' } : fail(400, { error: r.error });
	}
};
