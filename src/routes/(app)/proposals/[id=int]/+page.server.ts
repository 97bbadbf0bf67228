import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { requireUser } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { matchProposals, matches } from '$lib/server/db/schema';
import { answerProposal, proposalForHelper } from '$lib/server/matching/proposals';
import { firstName } from '$lib/server/profile/public';
import { getPostView } from '$lib/server/posts/view';
import { getLocale } from '$lib/paraglide/runtime.js';
import { agreementGateForPost } from '$lib/server/volunteers/agreement-gate';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Only the helper the broker proposed may see or answer a proposal. */
function mine(event: RequestEvent) {
	const user = requireUser(event);
	const id = Number(event.params.id);
	const found = proposalForHelper(db, id, user.id);
	if (!found) {
		const exists = db
			.select({ id: matchProposals.id })
			.from(matchProposals)
			.where(eq(matchProposals.id, id))
			.get();
		error(exists ? 403 : 404, exists ? 'forbidden' : 'not found');
	}
	return { user, found };
}

export const load: PageServerLoad = (event) => {
	const { user, found } = mine(event);
	// When, how long and how far, as the request page tells it (null once it is no longer public).
	const view = getPostView(db, found.post.id, user.id, getLocale(), clock.now());
	// Once accepted, the match's conversation is where the helper and requester go on.
	const match = found.proposal.matchId
		? db
				.select({ responseId: matches.responseId })
				.from(matches)
				.where(eq(matches.id, found.proposal.matchId))
				.get()
		: undefined;
	return {
		proposal: { id: found.proposal.id, status: found.proposal.status, note: found.proposal.note },
		conversationId: match?.responseId ?? null,
		post: { id: found.post.id, title: found.post.title, body: found.post.body },
		facts: view
			? {
					whenType: view.whenType,
					whenDate: view.whenDate,
					whenFrom: view.whenFrom,
					whenTo: view.whenTo,
					recurringDay: view.recurringDay,
					recurringPart: view.recurringPart,
					durationMinutes: view.durationMinutes,
					band: view.band,
					placeLabel: view.placeLabel
				}
			: null,
		requesterName: firstName(found.requester),
		// The neighbourhood asks its volunteers to accept the agreement first.
		mustAcceptAgreement: agreementGateForPost(db, found.post.id, user.id),
		// Without e-mail the requester cannot read the conversation: the broker calls them.
		requesterHasEmail: found.requesterHasEmail
	};
};

function answer(accept: boolean) {
	return (event: RequestEvent) => {
		const { user, found } = mine(event);
		const result = answerProposal(
			db,
			found.proposal.id,
			user.id,
			accept,
			event.url.origin,
			clock.now()
		);
		return { outcome: result.ok ? (accept ? 'accepted' : 'declined') : result.error };
	};
}

export const actions: Actions = { accept: answer(true), decline: answer(false) };
