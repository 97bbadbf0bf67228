import { desc, eq } from 'drizzle-orm';
import type { DB, DbOrTx } from '../db/client';
import { circleMessages, users } from '../db/schema';

/** How many messages the board shows: a short board, not an archive. */
export const BOARD_SIZE = 50;

/** A member writes on the circle's board; the same submission key twice stores it once. */
export function postMessage(
	db: DB,
	circleId: number,
	authorId: string,
	body: string,
	submissionKey: string,
	now: number
): void {
	db.insert(circleMessages)
		.values({ circleId, authorId, body, submissionKey, createdAt: now })
		.onConflictDoNothing()
		.run();
}

/** The newest messages first, with their author's name (a deleted member's stay nameless). */
export function boardMessages(db: DbOrTx, circleId: number) {
	return db
		.select({
			id: circleMessages.id,
			body: circleMessages.body,
			at: circleMessages.createdAt,
			author: users.displayName
		})
		.from(circleMessages)
		.leftJoin(users, eq(users.id, circleMessages.authorId))
		.where(eq(circleMessages.circleId, circleId))
		.orderBy(desc(circleMessages.createdAt), desc(circleMessages.id))
		.limit(BOARD_SIZE)
		.all();
}
