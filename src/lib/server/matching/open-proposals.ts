import { and, asc, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { matchProposals, posts } from '../db/schema';

/** A proposal waits for the helper while they have not answered and the request is still open. */
const waiting = (helperId: string) =>
	and(
		eq(matchProposals.helperId, helperId),
		eq(matchProposals.status, 'proposed'),
		eq(posts.status, 'open')
	);

/**
 * The proposals a helper still has to answer, oldest first, for the home page and the
 * conversations (not only in a mail).
 */
export function openProposalsOf(db: DbOrTx, helperId: string) {
	return db
		.select({ id: matchProposals.id, title: posts.title, proposedAt: matchProposals.createdAt })
		.from(matchProposals)
		.innerJoin(posts, eq(posts.id, matchProposals.postId))
		.where(waiting(helperId))
		.orderBy(asc(matchProposals.createdAt), asc(matchProposals.id))
		.all();
}

/** How many proposals wait for this helper, for the menu. */
export function openProposalCount(db: DbOrTx, helperId: string): number {
	return (
		db
			.select({ n: count() })
			.from(matchProposals)
			.innerJoin(posts, eq(posts.id, matchProposals.postId))
			.where(waiting(helperId))
			.get()?.n ?? 0
	);
}
