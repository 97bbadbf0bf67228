import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { matches, posts, users } from '../db/schema';
import { placedByExpr } from '../posts/list';
import { brokerCovers } from '../neighbourhoods/brokers';

/**
 * What the post page adds for the broker's workspace: who placed the post for its author, and
 * for a broker of its neighbourhood the links to suggest helpers for an open request (a broker
 * who just posted for someone on the phone goes on from here), to refer it and to print its card,
 * and who the post's author has an agreed match with (the helpers of a request, the takers of an
 * offer), so the broker sees the match on the post itself.
 */
export function intakeExtras(db: DbOrTx, viewer: { id: string; role: string }, postId: number) {
	const row = db
		.select({
			placedBy: placedByExpr,
			placedById: posts.placedById,
			neighbourhoodId: posts.neighbourhoodId,
			kind: posts.kind,
			status: posts.status
		})
		.from(posts)
		.where(eq(posts.id, postId))
		.get();
	const broker =
		!!row && viewer.role !== 'resident' && brokerCovers(db, viewer, row.neighbourhoodId);
	return {
		placedBy: row?.placedBy ?? null,
		/** The viewer placed it for its author: not theirs to answer (see posts/responses.ts). */
		placedByMe: !!row && row.placedById === viewer.id,
		brokerLinks: broker
			? {
					refer: row.kind === 'request',
					suggest: row.kind === 'request' && row.status === 'open'
				}
			: null,
		matchedWith: broker ? matchedWith(db, postId, row.kind) : null
	};
}

/** The other side of each agreed (or completed) match on the post, in the order they were made. */
function matchedWith(db: DbOrTx, postId: number, kind: 'request' | 'offer'): string[] {
	return db
		.select({ name: users.displayName })
		.from(matches)
		.innerJoin(users, eq(users.id, kind === 'request' ? matches.helperId : matches.requesterId))
		.where(and(eq(matches.postId, postId), inArray(matches.status, ['active', 'done'])))
		.orderBy(asc(matches.agreedAt), asc(matches.id))
		.all()
		.map((r) => r.name);
}
