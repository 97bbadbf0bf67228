import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { users } from '../db/schema';
import { localDate, localInstant, localTime, shiftDate } from '../calendar';
import { neighbourhoodSettings } from '../neighbourhoods/settings';
import { minuteOfDay, timeOfDay } from '$lib/notify/reach';

/**
 * The first instant at or after `at` outside quiet hours (minutes of the day, local time in
 * `timeZone`; `from` after `until` spans midnight, `from` equal to `until` means none). An SMS or
 * push that falls due in them waits until they end: a phone that buzzes at night wakes people.
 */
export function afterQuietHours(
	at: number,
	fromMinute: number,
	untilMinute: number,
	timeZone: string
): number {
	if (fromMinute === untilMinute) return at;
	const minute = minuteOfDay(localTime(at, timeZone));
	const spansMidnight = fromMinute > untilMinute;
	const quiet = spansMidnight
		? minute >= fromMinute || minute < untilMinute
		: minute >= fromMinute && minute < untilMinute;
	if (!quiet) return at;
	const today = localDate(at, timeZone);
	// Before midnight in a span across it, the quiet hours end tomorrow.
	const endDate = spansMidnight && minute >= fromMinute ? shiftDate(today, 1) : today;
	return localInstant(endDate, timeOfDay(untilMinute), timeZone);
}

/** The same for one person: their quiet hours, in their neighbourhood's time. */
export function afterPersonsQuietHours(db: DbOrTx, userId: string, at: number): number {
	const person = db
		.select({
			from: users.quietFromMinute,
			until: users.quietUntilMinute,
			neighbourhoodId: users.neighbourhoodId
		})
		.from(users)
		.where(eq(users.id, userId))
		.get();
	if (!person) return at;
	const { timeZone } = neighbourhoodSettings(db, person.neighbourhoodId);
	return afterQuietHours(at, person.from, person.until, timeZone);
}
