import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { matches, posts, responses, users } from '../db/schema';
import type { BadgeKind } from '$lib/trust/badge-kinds';
import { firstName } from '../profile/public';
import { publicBadgesOf } from '../trust/badges';
import { missingBadgesOf } from '../trust/rules';

/**
 * The responses to a post, for its poster: who, what they wrote, what came of it, the
 * responder's public badges, and (on a request) the badges the neighbourhood asks of helpers in
 * this category that the responder lacks.
 */
export function responsesForPoster(db: DbOrTx, postId: number, now: number) {
	const post = db
		.select({
			kind: posts.kind,
			neighbourhoodId: posts.neighbourhoodId,
			categoryId: posts.categoryId
		})
		.from(posts)
		.where(eq(posts.id, postId))
		.get();
	if (!post) return [];
	const rows = db
		.select({
			id: responses.id,
			responderId: responses.responderId,
			name: users.displayName,
			message: responses.message,
			status: responses.status,
			createdAt: responses.createdAt,
			matchStatus: matches.status
		})
		.from(responses)
		.innerJoin(users, eq(users.id, responses.responderId))
		.leftJoin(matches, eq(matches.responseId, responses.id))
		.where(eq(responses.postId, postId))
		.orderBy(asc(responses.createdAt), asc(responses.id))
		.all();
	const ids = rows.map((r) => r.responderId);
	const badges = publicBadgesOf(db, ids, now);
	// On an offer the responders are the people helped: the rules are about helpers.
	const missing: Map<string, BadgeKind[]> =
		post.kind === 'request' ? missingBadgesOf(db, ids, post, now) : new Map();
	return rows.map(({ responderId, ...r }) => ({
		...r,
		name: firstName(r.name),
		badges: badges.get(responderId)!,
		missingBadges: missing.get(responderId) ?? []
	}));
}

/** This person's response to a post, if they made one. */
export function myResponse(db: DbOrTx, postId: number, userId: string) {
	return (
		db
			.select({ id: responses.id, status: responses.status })
			.from(responses)
			.where(and(eq(responses.postId, postId), eq(responses.responderId, userId)))
			.get() ?? null
	);
}
