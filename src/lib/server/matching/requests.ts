import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { posts } from '../db/schema';

/**
 * An open request with no response at all, published at least the neighbourhood's
 * "no response" days (a broker setting) before `now`.
 */
export function unansweredBy(now: number) {
	return and(
		eq(posts.kind, 'request'),
		eq(posts.status, 'open'),
		sql`${posts.publishedAt} <= ${now} - 86400000 * (select n.no_response_days from neighbourhoods n where n.id = ${posts.neighbourhoodId})`,
		sql`not exists (select 1 from responses r where r.post_id = ${posts.id})`
	);
}

/**
 * Open requests in these neighbourhoods, oldest first, with their response count; with
 * `unansweredAt`, only those nobody answered within the neighbourhood's days.
 */
export function openRequests(
	db: DbOrTx,
	neighbourhoodIds: number[],
	{ limit = 100, unansweredAt }: { limit?: number; unansweredAt?: number } = {}
) {
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
				inArray(posts.neighbourhoodId, neighbourhoodIds),
				unansweredAt === undefined ? undefined : unansweredBy(unansweredAt)
			)
		)
		.orderBy(asc(posts.publishedAt), asc(posts.id))
		.limit(limit)
		.all();
}
