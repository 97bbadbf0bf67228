import { dateTimeFormat } from '$lib/intl';
import { DEFAULT_TIME_ZONE } from '$lib/neighbourhood-defaults';
import { m } from '$lib/paraglide/messages.js';
import { getLocale, type Locale } from '$lib/paraglide/runtime.js';

/**
 * Showing dates to people, in the page's (or a mail's) language; safe in the browser. Calendar
 * arithmetic on the server is `$lib/server/calendar`.
 */

export { DEFAULT_TIME_ZONE };

const WEEKDAYS = [
	m.weekday_1,
	m.weekday_2,
	m.weekday_3,
	m.weekday_4,
	m.weekday_5,
	m.weekday_6,
	m.weekday_7
];

/** The name of a weekday (Monday = 1 … Sunday = 7) in the current language, or in `locale` (mail). */
export const weekdayName = (day: number, locale?: Locale): string =>
	WEEKDAYS[day - 1]?.({}, { locale }) ?? '';

/**
 * "dinsdag 10 maart 2026" for a local date "2026-03-10", in a language (page or mail);
 * "10 maart 2026" without the weekday, where two dates side by side must stay short (a table).
 */
export function longDate(date: string, locale: string, { weekday = true } = {}): string {
	const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
	return dateTimeFormat(locale, { dateStyle: weekday ? 'full' : 'long', timeZone: 'UTC' }).format(
		Date.UTC(y, mo - 1, d)
	);
}

/** "zaterdag 12 december": a local date string, shown without any time zone shift. */
export function dateText(date: string, locale: string = getLocale()): string {
	return dateTimeFormat(locale, {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		timeZone: 'UTC'
	}).format(new Date(`${date}T12:00:00Z`));
}

/**
 * "dinsdag 1 december 2026" (or "1 december 2026" with style 'long'): the local day of an
 * instant in a language and time zone.
 */
export function formatLocalDate(
	instant: number,
	timeZone: string,
	locale: string,
	dateStyle: 'full' | 'long' = 'full'
): string {
	return dateTimeFormat(locale, { dateStyle, timeZone }).format(instant);
}

/** "maart 2026" ("mrt 2026" when short) for a month "2026-03", in a language. */
export function monthText(month: string, locale: string, { short = false } = {}): string {
	const [y, mo] = month.split('-').map(Number) as [number, number];
	return dateTimeFormat(locale, {
		month: short ? 'short' : 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(Date.UTC(y, mo - 1, 1));
}

/** "maart": the name of a month (1 = January) in the current language. */
export function monthName(month: number): string {
	return dateTimeFormat(getLocale(), { month: 'long', timeZone: 'UTC' }).format(
		Date.UTC(2026, month - 1, 15)
	);
}

/** "december 2026": month and year only, where the day says nothing useful and a little too much. */
export function monthYear(instant: number, timeZone: string = DEFAULT_TIME_ZONE): string {
	return dateTimeFormat(getLocale(), { month: 'long', year: 'numeric', timeZone }).format(instant);
}

/** An instant as people read it on a page: "20 nov 2026 14:05", or only the day. */
export function instantText(
	at: number,
	timeZone: string,
	locale: string,
	{ dateOnly = false } = {}
): string {
	return dateTimeFormat(locale, {
		dateStyle: dateOnly ? 'long' : 'medium',
		timeStyle: dateOnly ? undefined : 'short',
		timeZone
	}).format(at);
}

/** The instant's local date "YYYY-MM-DD" in a zone, for a `<time datetime>`. */
export function machineDate(at: number, timeZone: string): string {
	return dateTimeFormat('en-CA', {
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		timeZone
	}).format(at);
}
