import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import { brussels } from '../testing/dates';
import { makeReachYear } from '../testing/reach';
import { SUPPRESSED } from './cells';
import { resolvePeriod } from './period';
import {
	firstTimeAskersPerMonth,
	perStreet,
	quietStreets,
	requesters,
	requestsPerChannelMonth
} from './reach';
import { buildReport } from './report';

const TZ = 'Europe/Brussels';
const NOW = brussels('2026-06-01');

describe('the reach monitor (issue 21 §5)', () => {
	const db = createTestDb();
	const { hood } = makeReachYear(db);
	const year = resolvePeriod({ period: 'year', year: 2026 }, TZ, 0);

	it('tells how each request came in by one rule: online, by a carer, at a phone intake, through a partner', () => {
		const rows = requestsPerChannelMonth(db, [hood.id], year);
		expect(rows.sort((a, b) => (a.month + a.channel).localeCompare(b.month + b.channel))).toEqual([
			{ month: '2026-01', channel: 'online', count: 3 },
			{ month: '2026-02', channel: 'carer', count: 1 },
			{ month: '2026-02', channel: 'online', count: 3 },
			{ month: '2026-03', channel: 'partner', count: 1 },
			{ month: '2026-03', channel: 'phone', count: 4 }
		]);
	});

	it('counts first-time askers in the month of their first request ever', () => {
		expect(firstTimeAskersPerMonth(db, [hood.id], year)).toEqual([
			// Online 0 asked first in November 2025.
			{ month: '2026-01', count: 2 },
			{ month: '2026-02', count: 4 },
			{ month: '2026-03', count: 4 }
		]);
	});

	it('counts requests and helpers per street, and lists the streets with residents but no request', () => {
		expect(perStreet(db, [hood.id], year).map((s) => [s.street, s.requests, s.helpers])).toEqual([
			['Kerkstraat', 6, 1],
			['Markt', 6, 0],
			['Stille Straat', 0, 0]
		]);
		expect(quietStreets(db, [hood.id], NOW)).toEqual([{ street: 'Stille Straat', residents: 1 }]);
	});

	it('knows who asked: over 75 where the year of birth is known, and without e-mail', () => {
		expect(requesters(db, [hood.id], year)).toEqual({
			people: 11,
			birthKnown: 10,
			over75: 2,
			noEmail: 5
		});
	});

	it('shows it in the report with small counts hidden, the quiet streets never', () => {
		const report = buildReport(db, [hood.id], year, NOW, 'en');
		const channels = report.tables.find((t) => t.key === 'reach-channels')!;
		expect(channels.columns).toEqual([
			'Month',
			'Online by the resident',
			'By a carer',
			'Phone intake',
			'Through a partner',
			'Asking for the first time'
		]);
		const march = channels.rows.find((r) => String(r[0]).startsWith('Mar'))!;
		expect(march.slice(1)).toEqual([0, 0, SUPPRESSED, SUPPRESSED, SUPPRESSED]);
		const who = report.tables.find((t) => t.key === 'reach-requesters')!;
		expect(who.rows[0]).toEqual(['People who asked for help', 11]);
		// 2 over 75: a small count, and its share is not shown either.
		expect(who.rows[2]![1]).toBe(SUPPRESSED);
		expect(who.rows[3]![1]).toBe(SUPPRESSED);
		// Five without e-mail of eleven: large enough to show.
		expect(who.rows[4]).toEqual(['without an e-mail address', 5]);
		expect(who.rows[5]![1]).toBe('45%');
		expect(JSON.stringify(report)).not.toContain('Stille Straat');
	});
});
