import { describe, expect, it } from 'vitest';
import { isDaytime, localDate, startOfLocalDate } from './calendar';

describe('local dates', () => {
	it('gives the local date in the neighbourhood zone', () => {
		// 23:30 UTC on 30 November is already 1 December in Brussels.
		expect(localDate(Date.UTC(2026, 10, 30, 23, 30), 'Europe/Brussels')).toBe('2026-12-01');
	});

	it('start at midnight in the zone and must exist', () => {
		expect(startOfLocalDate('2026-03-29', 'Europe/Brussels')).toBe(Date.UTC(2026, 2, 28, 23));
		expect(startOfLocalDate('2026-03-30', 'Europe/Brussels')).toBe(Date.UTC(2026, 2, 29, 22));
		expect(startOfLocalDate('2026-13-01', 'Europe/Brussels')).toBeNull();
		expect(startOfLocalDate('1-2-2026', 'Europe/Brussels')).toBeNull();
	});
});

describe('reminders in the daytime', () => {
	it('counts the hours in the neighbourhood’s zone, summer time included', () => {
		// 29 March 2026: Brussels moves from UTC+1 to UTC+2.
		expect(isDaytime(Date.UTC(2026, 2, 28, 7, 59), 'Europe/Brussels')).toBe(false); // 08:59
		expect(isDaytime(Date.UTC(2026, 2, 28, 8, 0), 'Europe/Brussels')).toBe(true); // 09:00
		expect(isDaytime(Date.UTC(2026, 2, 30, 6, 59), 'Europe/Brussels')).toBe(false); // 08:59
		expect(isDaytime(Date.UTC(2026, 2, 30, 7, 0), 'Europe/Brussels')).toBe(true); // 09:00
		expect(isDaytime(Date.UTC(2026, 2, 30, 17, 59), 'Europe/Brussels')).toBe(true); // 19:59
		expect(isDaytime(Date.UTC(2026, 2, 30, 18, 0), 'Europe/Brussels')).toBe(false); // 20:00
		// 09:00 in Brussels is 03:00 in New York: night there.
		expect(isDaytime(Date.UTC(2026, 2, 30, 7, 0), 'America/New_York')).toBe(false);
	});
});
