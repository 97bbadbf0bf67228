/** Calendar days as the tests build them: "YYYY-MM-DD" local dates in the demo's time zone. */

/** The demo neighbourhood's time zone. */
const TZ = 'Europe/Brussels';

/** The local date (yyyy-mm-dd) in Brussels at an instant. */
export function brusselsDate(at: number): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(at);
}

/** Today's local date in Brussels, by the test machine's clock (not the clock server's). */
export function today(): string {
	return brusselsDate(Date.now());
}

/** A yyyy-mm-dd date moved by whole days. */
export function shift(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, for a yyyy-mm-dd date. */
export function weekday(date: string): number {
	return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/** The next given weekday (0 = Sunday … 6 = Saturday) after a date, a week ahead when it is that day. */
export function nextWeekday(date: string, day: number): string {
	return shift(date, (day - weekday(date) + 7) % 7 || 7);
}

/** The last day (yyyy-mm-dd) of a month (1–12). */
export function lastDayOfMonth(year: number, month: number): string {
	return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** A yyyy-mm-dd date as a Dutch page says it: "vrijdag 4 december 2026", or without the weekday. */
export function spokenDate(date: string, { withWeekday = true } = {}): string {
	return new Intl.DateTimeFormat('nl-BE', {
		dateStyle: withWeekday ? 'full' : 'long',
		timeZone: 'UTC'
	}).format(new Date(`${date}T00:00:00Z`));
}
