import { and, eq, isNull } from 'drizzle-orm';
import type { DB, DbOrTx } from '../db/client';
import { calendarFeeds, users } from '../db/schema';
import { hashToken, randomToken } from '../ids';
import { isDeskStaff } from '../lending/desk/access';

/**
 * A person's secret calendar address (`/calendar/<token>.ics`). Calendar apps fetch it without
 * signing in, so the token is the permission: 32 random bytes, and only its SHA-256 is stored, as
 * for every other link the site hands out. Each person has at most one live address per kind (and
 * per desk); a new one revokes the old.
 */

const TOKEN_BYTES = 32;
/** The shape of a token this module makes (base32, lower case), checked before any lookup. */
const TOKEN_SHAPE = /^[a-z2-7]{52}$/;

/** Whose days the address shows: one's own, or the desk of one neighbourhood. */
export type FeedOwner =
	{ kind: 'person'; userId: string } | { kind: 'desk'; userId: string; neighbourhoodId: number };

/** An address as the settings page describes it (never the token: it is not kept). */
export interface FeedState {
	createdAt: number;
	lastReadAt: number | null;
}

function live(owner: FeedOwner) {
	return and(
		eq(calendarFeeds.userId, owner.userId),
		eq(calendarFeeds.kind, owner.kind),
		owner.kind === 'desk'
			? eq(calendarFeeds.neighbourhoodId, owner.neighbourhoodId)
			: isNull(calendarFeeds.neighbourhoodId),
		isNull(calendarFeeds.revokedAt)
	);
}

/** The person's live address of this kind, or null. */
export function currentFeed(db: DbOrTx, owner: FeedOwner): FeedState | null {
	return (
		db
			.select({ createdAt: calendarFeeds.createdAt, lastReadAt: calendarFeeds.lastReadAt })
			.from(calendarFeeds)
			.where(live(owner))
			.get() ?? null
	);
}

/** Makes a new address and stops the old one, in one transaction; returns the token (shown once). */
export function makeFeed(db: DB, owner: FeedOwner, now: number): string {
	const token = randomToken(TOKEN_BYTES);
	db.transaction((tx) => {
		tx.update(calendarFeeds).set({ revokedAt: now }).where(live(owner)).run();
		tx.insert(calendarFeeds)
			.values({
				tokenHash: hashToken(token),
				kind: owner.kind,
				userId: owner.userId,
				neighbourhoodId: owner.kind === 'desk' ? owner.neighbourhoodId : null,
				createdAt: now
			})
			.run();
	});
	return token;
}

/** Stops the live address of this kind; false when there was none. */
export function stopFeed(db: DB, owner: FeedOwner, now: number): boolean {
	return db.update(calendarFeeds).set({ revokedAt: now }).where(live(owner)).run().changes > 0;
}

/** A live address found by its token. */
export interface FoundFeed {
	id: number;
	owner: FeedOwner;
	locale: string;
	neighbourhoodId: number | null;
	lastReadAt: number | null;
}

/**
 * The address a token belongs to, or null (the page answers 404): an unknown or revoked token, a
 * person no longer active (deleted or suspended), or a desk address whose owner no longer runs
 * that desk (checked on every read with the desk's own rule, so taking the role away stops it).
 */
export function findFeed(db: DbOrTx, token: string): FoundFeed | null {
	if (!TOKEN_SHAPE.test(token)) return null;
	const row = db
		.select({
			id: calendarFeeds.id,
			kind: calendarFeeds.kind,
			userId: calendarFeeds.userId,
			deskId: calendarFeeds.neighbourhoodId,
			revokedAt: calendarFeeds.revokedAt,
			lastReadAt: calendarFeeds.lastReadAt,
			status: users.status,
			locale: users.locale,
			home: users.neighbourhoodId
		})
		.from(calendarFeeds)
		.innerJoin(users, eq(users.id, calendarFeeds.userId))
		.where(eq(calendarFeeds.tokenHash, hashToken(token)))
		.get();
	if (!row || row.revokedAt !== null || row.status !== 'active') return null;
	const base = { id: row.id, locale: row.locale, lastReadAt: row.lastReadAt };
	if (row.kind === 'person')
		return { ...base, owner: { kind: 'person', userId: row.userId }, neighbourhoodId: row.home };
	if (row.deskId === null || !isDeskStaff(db, row.userId, row.deskId)) return null;
	return {
		...base,
		owner: { kind: 'desk', userId: row.userId, neighbourhoodId: row.deskId },
		neighbourhoodId: row.deskId
	};
}

/** Calendar apps ask every few minutes to hours: note the time of a read at most once an hour. */
const READ_NOTE_MS = 60 * 60_000;

/** Notes when the address was last read, so its page can say whether a calendar app uses it. */
export function noteRead(db: DB, feed: FoundFeed, now: number): void {
	if (feed.lastReadAt !== null && now - feed.lastReadAt < READ_NOTE_MS) return;
	db.update(calendarFeeds).set({ lastReadAt: now }).where(eq(calendarFeeds.id, feed.id)).run();
}
