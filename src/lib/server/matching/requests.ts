import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { posts } from '../db/schema';

/** Open requests in these neighbourhoods, oldest first, with their response count. */
export function openRequests(db: DbOrTx, neighbourhoodIds: number[], limit = 100) {
	if (neighbourhoodIds.length === 0) return [];
	return db
		.select({
			id: posts.id,
			title: posts.title,
			publishedAt: posts.publishedAt,
			neighbourhoodId: posts.neighbourhoodId,
			responses: sql<number>`(select count(*) from responses r where r.post_id = ${posts.id})`,
			proposals: sql<number>`(select count(*) from match_proposals p where p.post_id = ${posts.id} and p.status = 'proposed')`
		})
		.from(posts)
		.where(
			and(
				eq(posts.kind, 'request'),
				eq(posts.status, 'open'),
				inArray(posts.neighbourhoodId, neighbourhoodIds)
			)
		)
		.orderBy(asc(posts.publishedAt), asc(posts.id))
		.limit(limit)
		.all();
}
