import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { neighbourhoods, posts } from '../db/schema';

/** The person's own posts, newest first, for "my posts". */
export function listMyPosts(db: DbOrTx, userId: string) {
	return db
		.select({
			id: posts.id,
			kind: posts.kind,
			status: posts.status,
			title: posts.title,
			createdAt: posts.createdAt,
			expiresAt: posts.expiresAt,
			timeZone: neighbourhoods.timeZone
		})
		.from(posts)
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, posts.neighbourhoodId))
		.where(eq(posts.authorId, userId))
		.orderBy(desc(posts.createdAt), desc(posts.id))
		.all();
}
