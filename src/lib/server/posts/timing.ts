import { dateTimeFormat } from '$lib/intl';
import { TZDate } from '@date-fns/tz';

/** The instant a local date and time ("2026-12-01", "09:30") stands for in a time zone. */
export function localInstant(date: string, time: string, timeZone: string): number {
	const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
	const [h, mi] = time.split(':').map(Number) as [number, number];
	return new TZDate(y, mo - 1, d, h, mi, timeZone).getTime();
}

const DAY = 24 * 60 * 60 * 1000;

/** Days as milliseconds. */
export const days = (n: number) => n * DAY;

/** "dinsdag 1 december 2026" in the reader's language and the neighbourhood's time zone (for mail). */
export function formatLocalDate(instant: number, timeZone: string, locale: string): string {
	return dateTimeFormat(locale, { dateStyle: 'full', timeZone }).format(instant);
}
