import { error, fail } from '@sveltejs/kit';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { matchProposals, posts, users } from '$lib/server/db/schema';
import { proposeMatch } from '$lib/server/matching/proposals';
import { suggestHelpers } from '$lib/server/matching/suggestions';
import { publicBadgesOf } from '$lib/server/trust/badges';
import { textField } from '$lib/schemas/fields';
import type { Actions, PageServerLoad } from './$types';

function postOr404(id: string) {
	const post = db
		.select()
		.from(posts)
		.where(eq(posts.id, Number(id)))
		.get();
	if (!post) error(404, 'not found');
	return post;
}

export const load: PageServerLoad = (event) => {
	requireBroker(event);
	const post = postOr404(event.params.id);
	requireBrokerOf(event, post.neighbourhoodId);
	const now = clock.now();
	const result = suggestHelpers(db, post.id, now, 10)!;
	const compare = event.url.searchParams.getAll('compare').slice(0, 3);
	const trust = publicBadgesOf(
		db,
		result.suggestions.map((s) => s.helperId),
		now
	);
	const suggestions = result.suggestions.map((s) => ({ ...s, trust: trust.get(s.helperId)! }));
	return {
		post: { id: post.id, title: post.title, status: post.status },
		slot: result.slot,
		helperMatchLimit: result.helperMatchLimit,
		whyNone: result.whyNone,
		suggestions,
		compared: suggestions.filter((s) => compare.includes(s.helperId)),
		proposals: db
			.select({
				id: matchProposals.id,
				status: matchProposals.status,
				createdAt: matchProposals.createdAt,
				helper: users.displayName
			})
			.from(matchProposals)
			.innerJoin(users, eq(users.id, matchProposals.helperId))
			.where(eq(matchProposals.postId, post.id))
			.orderBy(desc(matchProposals.createdAt))
			.all()
	};
};

const proposeSchema = z.object({
	helperId: z.string().min(1).max(64),
	note: textField({ max: 500, multiline: true }).default(''),
	/** The checkbox "I know this badge is missing": sent as "on" only when ticked. */
	badgeWaived: z
		.literal('on')
		.optional()
		.transform((v) => v === 'on'),
	/** The checkbox "I have checked this helper can take more", for a busy helper; like badgeWaived. */
	limitConfirmed: z
		.literal('on')
		.optional()
		.transform((v) => v === 'on')
});

export const actions: Actions = {
	propose: async (event) => {
		requireBroker(event);
		const post = postOr404(event.params.id);
		const broker = requireBrokerOf(event, post.neighbourhoodId);
		const form = Object.fromEntries(await event.request.formData());
		const parsed = proposeSchema.safeParse(form);
		if (!parsed.success)
			return fail(400, {
				helperId: String(form.helperId ?? ''),
				note: String(form.note ?? ''),
				error: parsed.error.issues[0]?.message ?? 'err_invalid'
			});
		const result = proposeMatch(
			db,
			{
				postId: post.id,
				helperId: parsed.data.helperId,
				brokerId: broker.id,
				note: parsed.data.note,
				badgeWaived: parsed.data.badgeWaived,
				limitConfirmed: parsed.data.limitConfirmed
			},
			event.url.origin,
			clock.now()
		);
		if (!result.ok && result.error === 'badge_missing')
			// Beside the checkbox: the broker must confirm, and the note stays as typed.
			return fail(400, {
				helperId: parsed.data.helperId,
				note: parsed.data.note,
				waiveError: 'trust_err_waive'
			});
		if (!result.ok && result.error === 'busy')
			// Beside its checkbox, as for a missing badge.
			return fail(400, {
				helperId: parsed.data.helperId,
				note: parsed.data.note,
				limitError: 'care_err_confirm_busy'
			});
		if (!result.ok)
			return fail(400, {
				helperId: parsed.data.helperId,
				note: parsed.data.note,
				error:
					result.error === 'ineligible'
						? `matching_err_helper_${result.refusal}`
						: `matching_err_${result.error}`
			});
		return { proposedTo: parsed.data.helperId };
	}
};
