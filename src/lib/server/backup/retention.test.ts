import { describe, expect, it } from 'vitest';
import { backupsToKeep, parseKeep } from './retention';

const at = (iso: string) => ({ name: iso, createdAt: Date.parse(iso) });

describe('which backups are kept', () => {
	it('reads BACKUP_KEEP', () => {
		expect(parseKeep('7d,4w,12m')).toEqual({ daily: 7, weekly: 4, monthly: 12 });
		expect(parseKeep('2d,0w,1m')).toEqual({ daily: 2, weekly: 0, monthly: 1 });
	});

	it('keeps the newest of each recent day, week and month, and nothing else', () => {
		const backups = [
			'2026-12-04T03:00:00Z', // Friday
			'2026-12-03T15:00:00Z', // a second one that day (made by hand)
			'2026-12-03T03:00:00Z',
			'2026-12-02T03:00:00Z',
			'2026-11-29T03:00:00Z', // Sunday: last of its week
			'2026-11-28T03:00:00Z',
			'2026-11-22T03:00:00Z', // Sunday, a week earlier
			'2026-10-31T03:00:00Z', // last of October
			'2026-10-15T03:00:00Z',
			'2025-06-30T03:00:00Z'
		].map(at);
		const now = Date.parse('2026-12-04T04:00:00Z');
		const kept = backupsToKeep(backups, { daily: 2, weekly: 2, monthly: 2 }, now);
		expect([...kept].sort()).toEqual([
			'2026-11-29T03:00:00Z', // the week before this one, and November
			'2026-12-03T15:00:00Z', // 3 December's newest
			'2026-12-04T03:00:00Z' // today, this week and December
		]);
	});

	it('always keeps the newest, even when the retention says none', () => {
		const kept = backupsToKeep(
			[at('2026-12-04T03:00:00Z'), at('2026-12-03T03:00:00Z')],
			{ daily: 0, weekly: 0, monthly: 0 },
			Date.parse('2026-12-05T03:00:00Z')
		);
		expect([...kept]).toEqual(['2026-12-04T03:00:00Z']);
	});

	it('keeps every backup of the last 24 hours, such as one made by hand before an upgrade', () => {
		const backups = ['2026-12-04T10:00:00Z', '2026-12-04T09:00:00Z', '2026-12-03T08:00:00Z'].map(
			at
		);
		const kept = backupsToKeep(
			backups,
			{ daily: 1, weekly: 0, monthly: 0 },
			Date.parse('2026-12-04T10:30:00Z')
		);
		expect([...kept].sort()).toEqual(['2026-12-04T09:00:00Z', '2026-12-04T10:00:00Z']);
	});
});
