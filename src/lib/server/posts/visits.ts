import { eq, sql } from 'drizzle-orm';
import { preparedOnce, type DbOrTx } from '../db/client';
import { users } from '../db/schema';

/** A new visit to the list starts when the last look was longer ago than this. */
export const VISIT_GAP_MS = 30 * 60_000;
const LOOK_PRECISION_MS = 60_000;

const lastLooks = preparedOnce((db) =>
	db
		.select({ seen: users.postsSeenAt, before: users.postsSeenBefore })
		.from(users)
		.where(eq(users.id, sql.placeholder('userId')))
		.prepare()
);

/**
 * Records a look at the list and returns when the previous visit began, so "new since my last
 * visit" keeps meaning the same thing while the person pages and filters.
 */
export function recordListVisit(db: DbOrTx, userId: string, now: number): number | null {
	const row = lastLooks(db).get({ userId });
	if (!row) return null;
	if (row.seen !== null && now - row.seen < VISIT_GAP_MS) {
		// Within a visit the time of the last look only needs to be about right: a write per
		// page view would make every look at the list wait for the database's write lock.
		if (now - row.seen >= LOOK_PRECISION_MS)
			db.update(users).set({ postsSeenAt: now }).where(eq(users.id, userId)).run();
		return row.before;
	}
	db.update(users)
		.set({ postsSeenAt: now, postsSeenBefore: row.seen })
		.where(eq(users.id, userId))
		.run();
	return row.seen;
}
