import { TZDate } from '@date-fns/tz';
import {
	addDays,
	addMonths,
	addYears,
	differenceInCalendarDays,
	format,
	getISODay,
	parseISO
} from 'date-fns';
import { isCalendarDate } from '$lib/schemas/fields';
import { DEFAULT_TIME_ZONE } from '$lib/dates';

/**
 * Instants and local calendar days, on the server. An instant is UTC milliseconds; a local day is
 * "YYYY-MM-DD" on a neighbourhood's clock (its IANA time zone). ISO dates compare correctly as
 * strings. Showing them to people is `$lib/dates`.
 */
export { DEFAULT_TIME_ZONE };

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const DAY = 24 * 60 * 60 * 1000;

/** Days as milliseconds. */
export const days = (n: number) => n * DAY;

/** The date `n` calendar days after (or before, when negative) `date`. */
export function shiftDate(date: string, n: number): string {
	return format(addDays(parseISO(date), n), 'yyyy-MM-dd');
}

/** The same calendar day `n` months later (31 January + 1 month is 28 or 29 February). */
export function shiftMonths(date: string, n: number): string {
	return format(addMonths(parseISO(date), n), 'yyyy-MM-dd');
}

/** The first day of the month `date` is in. */
export const firstOfMonth = (date: string): string => `${date.slice(0, 7)}-01`;

/** The same calendar day `n` years later (29 February becomes 28 February). */
export function shiftYears(date: string, n: number): string {
	return format(addYears(parseISO(date), n), 'yyyy-MM-dd');
}

/** How many days from `from` to `to` (0 when equal). */
export function daysFrom(from: string, to: string): number {
	return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** Monday = 1 … Sunday = 7, as in opening hours. */
export function weekdayOf(date: string): number {
	return getISODay(parseISO(date));
}

/** The local date of an instant in a time zone (with `now`: today there). */
export function localDate(instant: number, timeZone: string): string {
	return format(new TZDate(instant, timeZone), 'yyyy-MM-dd');
}

/**
 * An instant as a date whose hours and day are those of the time zone (a TZDate), for libraries
 * that write local wall-clock times (the calendar feeds' TZID times).
 */
export function zonedDate(instant: number, timeZone: string): Date {
	return new TZDate(instant, timeZone);
}

/** The local time "HH:mm" of an instant in a time zone. */
export function localTime(instant: number, timeZone: string): string {
	return format(new TZDate(instant, timeZone), 'HH:mm');
}

/** A valid calendar date in the expected form (rejects e.g. 2026-02-30): the forms' own rule. */
export const isDate = isCalendarDate;

/** The instant a local date and time ("2026-12-01", "09:30") stands for in a time zone. */
export function localInstant(date: string, time: string, timeZone: string): number {
	const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
	const [h, mi] = time.split(':').map(Number) as [number, number];
	return new TZDate(y, mo - 1, d, h, mi, timeZone).getTime();
}

/** The instant a local date starts in a time zone, or null when it is not a real date. */
export function startOfLocalDate(date: string, timeZone: string): number | null {
	if (!DATE_PATTERN.test(date)) return null;
	const at = localInstant(date, '00:00', timeZone);
	// 2026-02-30 rolls over to March: not a date anyone meant.
	return localDate(at, timeZone) === date ? at : null;
}

/**
 * `days` calendar days after `from` on the neighbourhood's clock: the same local time of day,
 * so a follow-up two weeks after a Tuesday 10:00 match comes on a Tuesday at 10:00 even when
 * summer time ended in between.
 */
export function localDaysLater(from: number, days: number, timeZone: string): number {
	return addDays(new TZDate(from, timeZone), days).getTime();
}

/**
 * Reminder mails go out between 09:00 and 20:00 in the neighbourhood's time zone. They fall due
 * at midnight (they are counted in local days), and a phone that chimes at 00:05 about a ladder
 * wakes or worries people, many of them elderly. Outside these hours the job simply does not
 * take a mailing step: the loan's bookkeeping column stays empty, so the job's first run from
 * 09:00 takes it, once, as at any other time. Every step's window spans at least one daytime
 * (the pick-up and return reminders: the day before and the day itself; overdue and
 * not-collected stay due until done), so none is skipped; only a tool handed over after 20:00 on
 * its very last day gets no return reminder, and needs none. Confirmations of what someone just
 * did are not reminders: the action itself queues them at once. (A mail whose sending fails may
 * still be retried by the outbox in the evening; its back-off is at most two hours.)
 */
export const DAYTIME = { from: '09:00', until: '20:00' } as const;

/** Whether reminder mails may be queued at this instant in this time zone. */
export function isDaytime(now: number, timeZone: string): boolean {
	const time = localTime(now, timeZone);
	return time >= DAYTIME.from && time < DAYTIME.until;
}
