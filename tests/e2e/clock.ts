import type { APIRequestContext } from '@playwright/test';
import { expect } from './fixtures';

/** The clock server's "now" (only on the server of the *.clock.spec.ts tests). */
export async function serverNow(request: APIRequestContext): Promise<number> {
	const response = await request.get('/test/clock');
	expect(response.ok()).toBe(true);
	return ((await response.json()) as { now: number }).now;
}

/** Moves the clock server forward and runs its periodic jobs at the new time. */
export async function advanceClock(
	request: APIRequestContext,
	by: { days?: number; hours?: number }
): Promise<number> {
	const response = await request.post('/test/clock', { data: by });
	expect(response.ok()).toBe(true);
	return ((await response.json()) as { now: number }).now;
}

/**
 * Moves the clock server forward to the next 10:00 in Brussels (0 to 24 hours), so that what
 * follows happens in the daytime, when the reminder job sends its mails (09:00 to 20:00).
 */
export async function advanceToMorning(request: APIRequestContext): Promise<number> {
	const now = await serverNow(request);
	const [hour, minute] = new Intl.DateTimeFormat('en-GB', {
		timeZone: 'Europe/Brussels',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	})
		.format(now)
		.split(':')
		.map(Number) as [number, number];
	const hours = (((10 - hour - minute / 60) % 24) + 24) % 24;
	return advanceClock(request, { hours });
}

/** The neighbourhood's time zone (the demo neighbourhood's). */
const TZ = 'Europe/Brussels';

/** The local date (yyyy-mm-dd) in Brussels at an instant. */
export function brusselsDate(at: number): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(at);
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

/** A yyyy-mm-dd date as a Dutch page says it: "vrijdag 4 december 2026", or without the weekday. */
export function spokenDate(date: string, { withWeekday = true } = {}): string {
	return new Intl.DateTimeFormat('nl-BE', {
		dateStyle: withWeekday ? 'full' : 'long',
		timeZone: 'UTC'
	}).format(new Date(`${date}T00:00:00Z`));
}
