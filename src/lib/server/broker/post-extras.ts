import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { posts } from '../db/schema';
import { placedByExpr } from '../posts/list';
import { brokerCovers } from './intake';

/**
 * What the post page adds for the broker's workspace: who placed the post for its author, and
 * for a broker of its neighbourhood the links to suggest helpers for an open request (a broker
 * who just posted for someone on the phone goes on from here), to refer it and to print its card.
 */
export function intakeExtras(db: DbOrTx, viewer: { id: string; role: string }, postId: number) {
	const row = db
		.select({
			placedBy: placedByExpr,
			neighbourhoodId: posts.neighbourhoodId,
			kind: posts.kind,
			status: posts.status
		})
		.from(posts)
		.where(eq(posts.id, postId))
		.get();
	return {
		placedBy: row?.placedBy ?? null,
		brokerLinks:
			!!row && viewer.role !== 'resident' && brokerCovers(db, viewer, row.neighbourhoodId)
				? {
						refer: row.kind === 'request',
						suggest: row.kind === 'request' && row.status === 'open'
					}
				: null
	};
}
