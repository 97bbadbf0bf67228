import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import type { DB } from '../db/client';
import { gatherings, gatheringSignups, neighbourhoods } from '../db/schema';
import { isDaytime, localDate, shiftDate } from '../calendar';
import { noticeReminder } from './gathering-mails';

const HOUR = 60 * 60_000;
/** Gatherings looked at: those starting within two days; the rule below picks "tomorrow". */
const LOOK_AHEAD_HOURS = 48;

/**
 * The periodic job: one reminder per sign-up on the day before (the neighbourhood's calendar),
 * in its daytime.
 * remindedAt is claimed in the same transaction as the outbox row, so it goes exactly once.
 * Returns how many reminders it queued.
 */
export function runGatheringReminders(db: DB, now: number, origin: string): number {
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
				gt(gatherings.startsAt, now),
				lte(gatherings.startsAt, now + LOOK_AHEAD_HOURS * HOUR)
			)
		)
		.all();
	let sent = 0;
	for (const row of due) {
		// The day before on the neighbourhood's calendar, in its daytime: an 08:00 coffee morning
		// is reminded during the afternoon before, never at night.
		const tomorrow = shiftDate(localDate(now, row.timeZone), 1);
		if (localDate(row.gathering.startsAt, row.timeZone) !== tomorrow) continue;
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
			noticeReminder(tx, claimed.userId, row.gathering, origin, now);
			sent++;
		});
	}
	return sent;
}
