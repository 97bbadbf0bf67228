import { and, count, eq, or } from 'drizzle-orm';
import type { DB, DbOrTx, Tx } from '../db/client';
import {
	blocks,
	matches,
	posts,
	responses,
	type Match,
	type Post,
	type PostResponse
} from '../db/schema';
import { scheduleFollowUps } from '../followup/schedule';
import { helperRefusal, type HelperRefusal } from '../matching/eligibility';
import { openOrFilled } from './lifecycle';
import { mustAcceptAgreement } from '../volunteers/agreement-status';

export type RespondResult =
	| { ok: true; response: PostResponse }
	| {
			ok: false;
			error: 'not_open' | 'own_post' | 'already' | 'blocked' | 'full' | 'ineligible' | 'agreement';
	  };

/** True when either person blocked the other. */
export function isBlockedPair(db: DbOrTx, a: string, b: string): boolean {
	return (
		db
			.select({ x: blocks.blockerId })
			.from(blocks)
			.where(
				or(
					and(eq(blocks.blockerId, a), eq(blocks.blockedId, b)),
					and(eq(blocks.blockerId, b), eq(blocks.blockedId, a))
				)
			)
			.get() !== undefined
	);
}

/** "I can help" (or "yes please" on an offer), with a short message. */
export function respond(
	db: DB,
	post: Post,
	responderId: string,
	message: string,
	now: number
): RespondResult {
	// Whoever placed the post for its author speaks for them (a broker on the phone, a carer):
	// they find a helper through proposals, never by answering it themselves.
	if (post.authorId === responderId || post.placedById === responderId)
		return { ok: false, error: 'own_post' };
	if (post.status === 'filled') return { ok: false, error: 'full' };
	if (post.status !== 'open') return { ok: false, error: 'not_open' };
	// The rule of who may help, checked already here so nobody answers what can never be a match.
	const refusal =
		post.kind === 'request'
			? helperRefusal(
					db,
					{ neighbourhoodId: post.neighbourhoodId, requesterId: post.authorId },
					responderId
				)
			: helperRefusal(
					db,
					{ neighbourhoodId: post.neighbourhoodId, requesterId: responderId },
					post.authorId
				);
	if (refusal === 'blocked') return { ok: false, error: 'blocked' };
	if (refusal) return { ok: false, error: 'ineligible' };
	// The neighbourhood may ask its volunteers to accept its agreement before they help.
	if (post.kind === 'request' && mustAcceptAgreement(db, post.neighbourhoodId, responderId))
		return { ok: false, error: 'agreement' };
	const response = db
		.insert(responses)
		.values({ postId: post.id, responderId, message, createdAt: now })
		.onConflictDoNothing()
		.returning()
		.all()[0];
	return response ? { ok: true, response } : { ok: false, error: 'already' };
}

export type AcceptResult =
	| { ok: true; match: Match }
	| { ok: false; error: 'not_open' | 'full' }
	| { ok: false; error: 'ineligible'; refusal: HelperRefusal };

/**
 * Accepting a response makes a match. For a request, only while fewer active matches exist than
 * helpers needed, checked inside an IMMEDIATE transaction: two accepts at the same
 * moment, even from two server processes, can never both take the last place.
 */
export function acceptResponse(
	db: DB,
	responseId: number,
	actorId: string,
	now: number
): AcceptResult {
	return db.transaction((tx) => acceptResponseIn(tx, responseId, actorId, now), {
		behavior: 'immediate'
	});
}

/**
 * The same, inside a transaction the caller opened (IMMEDIATE, for the check above to hold), so
 * that what else belongs to the match (a proposal's answer, a mail) commits with it or not at all.
 */
export function acceptResponseIn(
	tx: Tx,
	responseId: number,
	actorId: string,
	now: number
): AcceptResult {
	const row = tx
		.select({ response: responses, post: posts })
		.from(responses)
		.innerJoin(posts, eq(responses.postId, posts.id))
		.where(eq(responses.id, responseId))
		.get();
	if (!row || row.response.status !== 'open' || row.post.status !== 'open')
		return { ok: false as const, error: 'not_open' as const };
	const { post, response } = row;
	const helperId = post.kind === 'request' ? response.responderId : post.authorId;
	const requesterId = post.kind === 'request' ? post.authorId : response.responderId;
	// Every match, however it is made, obeys the one rule of who may help (blocks included).
	const refusal = helperRefusal(
		tx,
		{ neighbourhoodId: post.neighbourhoodId, requesterId },
		helperId
	);
	if (refusal) return { ok: false as const, error: 'ineligible' as const, refusal };
	// The IMMEDIATE transaction holds the write lock from its start, so nobody can take the last
	// place between this count and the insert.
	const full =
		post.kind === 'request' &&
		tx
			.select({ n: count() })
			.from(matches)
			.where(and(eq(matches.postId, post.id), eq(matches.status, 'active')))
			.get()!.n >= post.helpersNeeded;
	if (full) return { ok: false as const, error: 'full' as const };
	const match = tx
		.insert(matches)
		.values({
			postId: post.id,
			responseId: response.id,
			helperId,
			requesterId,
			madeById: actorId,
			status: 'active',
			agreedAt: now
		})
		.returning()
		.all()[0]!;
	scheduleFollowUps(tx, match, post.neighbourhoodId);
	tx.update(responses)
		.set({ status: 'accepted', decidedAt: now })
		.where(eq(responses.id, response.id))
		.run();
	tx.update(posts)
		.set({ status: openOrFilled(tx, post), updatedAt: now })
		.where(eq(posts.id, post.id))
		.run();
	return { ok: true as const, match };
}

/** The poster says no, kindly; the responder sees it. */
export function declineResponse(db: DB, responseId: number, now: number): boolean {
	return (
		db
			.update(responses)
			.set({ status: 'declined', decidedAt: now })
			.where(and(eq(responses.id, responseId), eq(responses.status, 'open')))
			.run().changes === 1
	);
}

export type MatchOutcome = 'done' | 'cancelled' | 'no_show' | 'withdrawn';

/**
 * Ends a match. A match that did not happen frees its place: a filled request goes back on the
 * open list.
 */
export function endMatch(
	db: DB,
	matchId: number,
	actorId: string,
	outcome: MatchOutcome,
	reason: string | null,
	now: number
): Match | null {
	return db.transaction(
		(tx) => {
			const match = tx
				.update(matches)
				.set({ status: outcome, endedAt: now, endedById: actorId, endReason: reason })
				.where(and(eq(matches.id, matchId), eq(matches.status, 'active')))
				.returning()
				.all()[0];
			if (!match) return null;
			if (outcome !== 'done') {
				const post = tx.select().from(posts).where(eq(posts.id, match.postId)).get()!;
				if (post.status === 'filled')
					tx.update(posts)
						.set({ status: openOrFilled(tx, post), updatedAt: now })
						.where(eq(posts.id, post.id))
						.run();
			}
			return match;
		},
		{ behavior: 'immediate' }
	);
}
