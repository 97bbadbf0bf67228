import { and, eq } from 'drizzle-orm';
import type { DB, DbOrTx } from '../db/client';
import { blocks, posts, reports, users } from '../db/schema';

export const REASON_MAX = 1000;

/** A report about a post, stored for the broker of the post's neighbourhood. */
export function reportPost(
	db: DB,
	reporterId: string,
	postId: number,
	reason: string,
	now: number
): boolean {
	const post = db.select().from(posts).where(eq(posts.id, postId)).get();
	if (!post) return false;
	db.insert(reports)
		.values({
			reporterId,
			postId,
			personId: post.authorId,
			neighbourhoodId: post.neighbourhoodId,
			reason,
			createdAt: now
		})
		.run();
	return true;
}

/** A report about a person, stored for the broker of their neighbourhood. */
export function reportPerson(
	db: DB,
	reporterId: string,
	personId: string,
	reason: string,
	now: number
): boolean {
	const person = db.select().from(users).where(eq(users.id, personId)).get();
	if (!person || person.id === reporterId) return false;
	db.insert(reports)
		.values({
			reporterId,
			personId,
			neighbourhoodId: person.neighbourhoodId,
			reason,
			createdAt: now
		})
		.run();
	return true;
}

/** From now on neither sees the other's posts or messages. */
export function blockPerson(db: DB, blockerId: string, blockedId: string, now: number): boolean {
	if (blockerId === blockedId) return false;
	db.insert(blocks).values({ blockerId, blockedId, createdAt: now }).onConflictDoNothing().run();
	return true;
}

export function unblockPerson(db: DB, blockerId: string, blockedId: string): void {
	db.delete(blocks)
		.where(and(eq(blocks.blockerId, blockerId), eq(blocks.blockedId, blockedId)))
		.run();
}

/** The people this person blocked, for their account page. */
export function blockedBy(db: DbOrTx, blockerId: string) {
	return db
		.select({ id: users.id, name: users.displayName })
		.from(blocks)
		.innerJoin(users, eq(users.id, blocks.blockedId))
		.where(eq(blocks.blockerId, blockerId))
		.all();
}

/** Did this person block that one (one direction)? */
export function hasBlocked(db: DbOrTx, blockerId: string, blockedId: string): boolean {
	return (
		db
			.select({ x: blocks.blockerId })
			.from(blocks)
			.where(and(eq(blocks.blockerId, blockerId), eq(blocks.blockedId, blockedId)))
			.get() !== undefined
	);
}
