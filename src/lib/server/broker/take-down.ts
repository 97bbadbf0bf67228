import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import type { DB } from '../db/client';
import { posts, type Post } from '../db/schema';
import { PUBLISHED_STATUSES, type PostStatus } from '$lib/posts/statuses';
import { openOrFilled } from '../posts/lifecycle';
import { tellPoster, type DecisionMail } from './poster-mail';

/** The two ways a broker takes a post out of view; they differ only in these facts. */
const TAKE_DOWNS = {
	/** A waiting post that is not published. */
	reject: {
		from: ['pending'],
		to: 'rejected',
		audit: 'post.reject',
		mail: 'post_rejected'
	},
	/** A published post taken out of public view (e.g. after a report). */
	hide: {
		from: PUBLISHED_STATUSES,
		to: 'hidden',
		audit: 'post.hide',
		mail: 'post_hidden'
	}
} as const satisfies Record<
	string,
	{ from: readonly PostStatus[]; to: PostStatus; audit: string; mail: DecisionMail }
>;

/**
 * Takes a post out of view with a reason the poster reads on their page and by mail, in one
 * transaction with the audit entry. Null when the post is not in a status it can leave this way.
 */
function takeDown(
	db: DB,
	how: keyof typeof TAKE_DOWNS,
	postId: number,
	brokerId: string,
	reason: string,
	origin: string,
	now: number
): Post | null {
	const { from, to, audit, mail } = TAKE_DOWNS[how];
	return db.transaction((tx) => {
		const changed = tx
			.update(posts)
			.set({ status: to, rejectionReason: reason, updatedAt: now })
			.where(and(eq(posts.id, postId), inArray(posts.status, [...from])))
			.returning()
			.all()[0];
		if (!changed) return null;
		recordAudit(
			tx,
			{
				actorId: brokerId,
				action: audit,
				subjectType: 'post',
				subjectId: postId,
				neighbourhoodId: changed.neighbourhoodId,
				detail: { reason }
			},
			now
		);
		tellPoster(tx, changed, mail, reason, origin, now);
		return changed;
	});
}

/** The broker rejects a waiting post with a reason the poster reads. */
export function rejectPost(
	db: DB,
	postId: number,
	brokerId: string,
	reason: string,
	origin: string,
	now: number
): Post | null {
	return takeDown(db, 'reject', postId, brokerId, reason, origin, now);
}

/**
 * The broker takes a published post out of public view (e.g. after a report), with a reason the
 * poster reads on their page and by mail. Matches already made go on.
 */
export function hidePost(
	db: DB,
	postId: number,
	brokerId: string,
	reason: string,
	origin: string,
	now: number
): Post | null {
	return takeDown(db, 'hide', postId, brokerId, reason, origin, now);
}

/** A hidden post goes back on the list (it was hidden by mistake, or the poster fixed it). */
export function restorePost(db: DB, postId: number, brokerId: string, now: number): Post | null {
	return db.transaction((tx) => {
		const post = tx.select().from(posts).where(eq(posts.id, postId)).get();
		if (!post || post.status !== 'hidden') return null;
		const restored = tx
			.update(posts)
			.set({ status: openOrFilled(tx, post), rejectionReason: null, updatedAt: now })
			.where(and(eq(posts.id, postId), eq(posts.status, 'hidden')))
			.returning()
			.all()[0]!;
		recordAudit(
			tx,
			{
				actorId: brokerId,
				action: 'post.restore',
				subjectType: 'post',
				subjectId: postId,
				neighbourhoodId: post.neighbourhoodId
			},
			now
		);
		return restored;
	});
}
