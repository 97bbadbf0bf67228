import { describe, expect, it } from 'vitest';
import { backupAge, backupIsLate } from './backup-age';

describe('the age of the last backup on the admin page', () => {
	it('is worded in minutes, hours or days, never as 1 of them', () => {
		expect(backupAge(119)).toEqual({ unit: 'now' });
		expect(backupAge(120)).toEqual({ unit: 'minutes', count: 2 });
		expect(backupAge(119 * 60 + 59)).toEqual({ unit: 'minutes', count: 119 });
		expect(backupAge(2 * 3600)).toEqual({ unit: 'hours', count: 2 });
		expect(backupAge(47 * 3600 + 3599)).toEqual({ unit: 'hours', count: 47 });
		expect(backupAge(48 * 3600)).toEqual({ unit: 'days', count: 2 });
	});

	it('is late after two days, when a daily backup has been failing', () => {
		expect(backupIsLate(2 * 24 * 3600)).toBe(false);
		expect(backupIsLate(2 * 24 * 3600 + 1)).toBe(true);
	});
});
