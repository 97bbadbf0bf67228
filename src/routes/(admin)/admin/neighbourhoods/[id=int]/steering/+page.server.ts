import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { assignBrokerSchema } from '$lib/schemas/neighbourhood';
import { requireAdmin } from '$lib/server/auth/guard';
import {
	grantSteering,
	revokeSteering,
	steeringOfNeighbourhood
} from '$lib/server/backoffice/roles';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { steeringLinks } from '$lib/server/db/schema';
import { getNeighbourhood } from '$lib/server/neighbourhoods/admin';
import { and, eq, isNull } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';

const REASONS = {
	no_account: 'partners_err_no_account',
	not_active: 'partners_err_not_active',
	other_role: 'bundle_err_other_role',
	not_found: 'partners_err_no_account'
} as const;

function neighbourhoodOr404(id: string) {
	const n = getNeighbourhood(db, Number(id));
	if (!n) error(404, 'not found');
	return n;
}

// Who of a steering group or funder reads this neighbourhood's reports and signal bundles.
export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const n = neighbourhoodOr404(event.params.id);
	return {
		neighbourhood: { id: n.id, name: n.name },
		members: steeringOfNeighbourhood(db, n.id),
		form: await superValidate(zod4(assignBrokerSchema), { errors: false })
	};
};

export const actions: Actions = {
	grant: async (event) => {
		const user = requireAdmin(event);
		const n = neighbourhoodOr404(event.params.id);
		const form = await superValidate(event.request, zod4(assignBrokerSchema));
		if (!form.valid) return fail(400, { form });
		const r = grantSteering(db, user.id, n.id, form.data.email, clock.now());
		if (!r.ok) return setError(form, 'email', REASONS[r.reason]);
		form.data.email = '';
		return message(form, {
			type: 'ok',
			text: r.already
				? m.bundle_steering_already()
				: m.bundle_steering_granted({ name: r.displayName })
		});
	},
	revoke: async (event) => {
		const user = requireAdmin(event);
		const n = neighbourhoodOr404(event.params.id);
		const linkId = Number((await event.request.formData()).get('linkId'));
		const link = db
			.select({ id: steeringLinks.id })
			.from(steeringLinks)
			.where(
				and(
					eq(steeringLinks.id, linkId),
					eq(steeringLinks.neighbourhoodId, n.id),
					isNull(steeringLinks.revokedAt)
				)
			)
			.get();
		if (!link) return fail(404, { revokeError: true });
		revokeSteering(db, user.id, link.id, clock.now());
		return { revoked: true };
	}
};
