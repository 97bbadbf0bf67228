import { and, count, eq, inArray, lte } from 'drizzle-orm';
import type { DB, DbOrTx } from '../db/client';
import { matches, posts, type Post } from '../db/schema';
import { neighbourhoodSettings } from '../neighbourhoods/settings';
import {
	CLOSABLE,
	PAUSABLE,
	REOPENABLE,
	STILL_NEEDED_FROM,
	type PostStatus
} from '$lib/posts/statuses';
import { expiryFor, needsModeration } from './create';

/** Active matches of a post: what counts against "helpers needed". */
export function activeMatchCount(db: DbOrTx, postId: number): number {
	return (
		db
			.select({ n: count() })
			.from(matches)
			.where(and(eq(matches.postId, postId), eq(matches.status, 'active')))
			.get()?.n ?? 0
	);
}

/** The status an available post should have: filled when a request has all its helpers. */
export function openOrFilled(
	db: DbOrTx,
	post: Pick<Post, 'id' | 'kind' | 'helpersNeeded'>
): 'open' | 'filled' {
	return post.kind === 'request' && activeMatchCount(db, post.id) >= post.helpersNeeded
		? 'filled'
		: 'open';
}

/** Sends a draft: it is published, or waits for a broker's check. */
export function sendDraft(db: DB, post: Post, now: number): Post | null {
	if (post.status !== 'draft') return null;
	const pending = needsModeration(db, post.authorId, now);
	return (
		db
			.update(posts)
			.set(
				pending
					? { status: 'pending', updatedAt: now }
					: {
							status: 'open',
							publishedAt: now,
							updatedAt: now,
							expiresAt: expiryFor(
								post,
								neighbourhoodSettings(db, post.neighbourhoodId).requestExpiryDays,
								now
							)
						}
			)
			.where(and(eq(posts.id, post.id), eq(posts.status, 'draft')))
			.returning()
			.all()[0] ?? null
	);
}

/** Takes an open post off the list for a while; matches already made go on. */
export function pausePost(db: DB, post: Post, now: number): Post | null {
	return (
		db
			.update(posts)
			.set({ status: 'paused', updatedAt: now })
			.where(and(eq(posts.id, post.id), inArray(posts.status, [...PAUSABLE])))
			.returning()
			.all()[0] ?? null
	);
}

/** The poster closes the post: no new responses. */
export function closePost(db: DB, post: Post, now: number): Post | null {
	return (
		db
			.update(posts)
			.set({ status: 'closed', updatedAt: now })
			.where(and(eq(posts.id, post.id), inArray(posts.status, [...CLOSABLE])))
			.returning()
			.all()[0] ?? null
	);
}

/** Brings a paused, closed or expired post back, with a fresh expiry. */
export function reopenPost(db: DB, post: Post, now: number): Post | null {
	if (!(REOPENABLE as readonly PostStatus[]).includes(post.status)) return null;
	// A post closed before a broker ever approved it still needs that check; one the broker
	// rejected (its reason is kept until an approval) needs it whoever posted it.
	const unchecked =
		post.rejectionReason !== null ||
		(post.publishedAt === null && needsModeration(db, post.authorId, now));
	return db.transaction(
		(tx) =>
			tx
				.update(posts)
				.set({
					status: unchecked ? 'pending' : openOrFilled(tx, post),
					updatedAt: now,
					publishedAt: unchecked ? null : (post.publishedAt ?? now),
					expiresAt: unchecked
						? null
						: expiryFor(
								post,
								neighbourhoodSettings(tx, post.neighbourhoodId).requestExpiryDays,
								now
							)
				})
				.where(and(eq(posts.id, post.id), inArray(posts.status, [...REOPENABLE])))
				.returning()
				.all()[0] ?? null
	);
}

/** "Still needed": the request stays (or comes back) on the list for another period. */
export function markStillNeeded(db: DB, post: Post, now: number): Post | null {
	if (
		post.kind !== 'request' ||
		!(STILL_NEEDED_FROM as readonly PostStatus[]).includes(post.status)
	)
		return null;
	return db.transaction(
		(tx) =>
			tx
				.update(posts)
				.set({
					status: post.status === 'expired' ? openOrFilled(tx, post) : post.status,
					expiresAt: expiryFor(
						post,
						neighbourhoodSettings(tx, post.neighbourhoodId).requestExpiryDays,
						now
					),
					expiryWarnedAt: null,
					updatedAt: now
				})
				.where(eq(posts.id, post.id))
				.returning()
				.all()[0] ?? null
	);
}

/** Requests past their expiry leave the list. Returns how many expired. */
export function expireDuePosts(db: DB, now: number): number {
	return db
		.update(posts)
		.set({ status: 'expired', updatedAt: now })
		.where(and(inArray(posts.status, ['open']), lte(posts.expiresAt, now)))
		.run().changes;
}
