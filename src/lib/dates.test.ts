import { describe, expect, it } from 'vitest';
import { instantText, longDate, machineDate, monthText, weekdayName } from './dates';

// 23:30 UTC on 28 March 2026 is already 00:30 on the 29th in Brussels.
const NIGHT = Date.UTC(2026, 2, 28, 23, 30);

describe('dates in words', () => {
	it('writes a local day in the neighbourhood, not in UTC', () => {
		expect(machineDate(NIGHT, 'Europe/Brussels')).toBe('2026-03-29');
		expect(machineDate(NIGHT, 'UTC')).toBe('2026-03-28');
	});

	it("writes an instant in the reader's language and zone", () => {
		expect(instantText(NIGHT, 'Europe/Brussels', 'nl-BE', { dateOnly: true })).toBe(
			'29 maart 2026'
		);
		expect(instantText(NIGHT, 'UTC', 'en', { dateOnly: true })).toBe('March 28, 2026');
		expect(instantText(NIGHT, 'Europe/Brussels', 'nl-BE')).toContain('00:30');
	});

	it('writes calendar dates, months and weekdays per locale', () => {
		expect(longDate('2026-12-04', 'nl-BE')).toBe('vrijdag 4 december 2026');
		expect(longDate('2026-12-04', 'en', { weekday: false })).toBe('December 4, 2026');
		expect(monthText('2026-12', 'nl-BE')).toContain('december');
		expect(weekdayName(1, 'nl')).not.toBe(weekdayName(1, 'en'));
	});
});
