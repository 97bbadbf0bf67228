import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import type { DB } from '../db/client';
import { gatherings, gatheringSignups, neighbourhoods } from '../db/schema';
import { isDaytime } from '../calendar';
import { noticeReminder } from './gathering-mails';

const HOUR = 60 * 60_000;
/**
 * A reminder goes for gatherings starting 24 to 36 hours from now: "tomorrow". The window is
 * wider than a day, so a run in the daytime always finds a gathering of tomorrow morning
 * (the job does not mail at night, see isDaytime).
 */
export const REMIND_FROM_HOURS = 24;
export const REMIND_UNTIL_HOURS = 36;

/**
 * The periodic job: one reminder per sign-up the day before, in daytime of the neighbourhood.
 * remindedAt is claimed in the same transaction as the outbox row, so it goes exactly once.
 * Returns how many reminders it queued.
 */
export function runGatheringReminders(db: DB, now: number): number {
	const due = db
		.select({
			signupId: gatheringSignups.id,
			gathering: gatherings,
			timeZone: neighbourhoods.timeZone
		})
		.from(gatheringSignups)
		.innerJoin(gatherings, eq(gatherings.id, gatheringSignups.gatheringId))
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, gatherings.neighbourhoodId))
		.where(
			and(
				eq(gatheringSignups.status, 'signed_up'),
				isNull(gatheringSignups.remindedAt),
				isNull(gatherings.cancelledAt),
				gt(gatherings.startsAt, now + REMIND_FROM_HOURS * HOUR),
				lte(gatherings.startsAt, now + REMIND_UNTIL_HOURS * HOUR)
			)
		)
		.all();
	let sent = 0;
	for (const row of due) {
		if (!isDaytime(now, row.timeZone)) continue;
		db.transaction((tx) => {
			const claimed = tx
				.update(gatheringSignups)
				.set({ remindedAt: now })
				.where(
					and(
						eq(gatheringSignups.id, row.signupId),
						isNull(gatheringSignups.remindedAt),
						eq(gatheringSignups.status, 'signed_up')
					)
				)
				.returning()
				.all()[0];
			if (!claimed) return;
			noticeReminder(tx, claimed.userId, row.gathering, now);
			sent++;
		});
	}
	return sent;
}
