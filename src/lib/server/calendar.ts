import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, format, getISODay, parseISO } from 'date-fns';
import { isCalendarDate } from '$lib/schemas/fields';

/**
 * Loans are booked in local calendar dates "YYYY-MM-DD" (both days included). These helpers do
 * calendar arithmetic on such strings; ISO dates also compare correctly as strings.
 */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The date `n` calendar days after (or before, when negative) `date`. */
export function shiftDate(date: string, n: number): string {
	return format(addDays(parseISO(date), n), 'yyyy-MM-dd');
}

/** How many days from `from` to `to` (0 when equal). */
export function daysFrom(from: string, to: string): number {
	return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** Monday = 1 … Sunday = 7, as in opening hours. */
export function weekdayOf(date: string): number {
	return getISODay(parseISO(date));
}

/** The local date of an instant in a time zone. */
export function localDate(instant: number, timeZone: string): string {
	return format(new TZDate(instant, timeZone), 'yyyy-MM-dd');
}

/** The local time "HH:mm" of an instant in a time zone. */
export function localTime(instant: number, timeZone: string): string {
	return format(new TZDate(instant, timeZone), 'HH:mm');
}

/** A valid calendar date in the expected form (rejects e.g. 2026-02-30): the forms' own rule. */
export const isDate = isCalendarDate;
