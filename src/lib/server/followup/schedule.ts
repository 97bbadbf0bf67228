import { addDays } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { followUps, neighbourhoods, type Match, type Post } from '../db/schema';

/**
 * `days` calendar days after `from` on the neighbourhood's clock: the same local time of day,
 * so a follow-up two weeks after a Tuesday 10:00 match comes on a Tuesday at 10:00 even when
 * summer time ended in between.
 */
export function localDaysLater(from: number, days: number, timeZone: string): number {
	return addDays(new TZDate(from, timeZone), days).getTime();
}

/** A weekly visit or a standing offer goes on: it is asked about every period until it ends. */
export function isOngoing(post: Pick<Post, 'whenType' | 'standing'>): boolean {
	return post.whenType === 'recurring' || post.standing;
}

/** The neighbourhood's follow-up delay and time zone. */
export function followUpClock(db: DbOrTx, neighbourhoodId: number) {
	return db
		.select({ delayDays: neighbourhoods.followUpDelayDays, timeZone: neighbourhoods.timeZone })
		.from(neighbourhoods)
		.where(eq(neighbourhoods.id, neighbourhoodId))
		.get()!;
}

/**
 * When a match is agreed, each side gets a follow-up at the agreed time plus the neighbourhood's
 * delay. Call it in the transaction that makes the match, so a match never exists without them.
 */
export function scheduleFollowUps(
	tx: DbOrTx,
	match: Pick<Match, 'id' | 'helperId' | 'requesterId' | 'agreedAt'>,
	neighbourhoodId: number
): void {
	const { delayDays, timeZone } = followUpClock(tx, neighbourhoodId);
	const dueAt = localDaysLater(match.agreedAt, delayDays, timeZone);
	tx.insert(followUps)
		.values([
			{ matchId: match.id, userId: match.helperId, round: 1, dueAt },
			{ matchId: match.id, userId: match.requesterId, round: 1, dueAt }
		])
		.onConflictDoNothing()
		.run();
}
