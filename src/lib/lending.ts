import { dateTimeFormat } from '$lib/intl';
/** "dinsdag 10 maart 2026" for a local date "2026-03-10", in a language (page or mail). */
export function longDate(date: string, locale: string): string {
	const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
	return dateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(
		Date.UTC(y, mo - 1, d)
	);
}
