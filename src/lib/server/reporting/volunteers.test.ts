import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import { brussels } from '../testing/dates';
import { makeVolunteerYear } from '../testing/volunteer-reporting';
import { HIDDEN, SUPPRESSED } from './cells';
import { resolvePeriod } from './period';
import { buildReport } from './report';
import { expensesPerMonth, gatheringsPerMonth, hoursInPeriod, hoursPerMonth } from './volunteers';

const TZ = 'Europe/Brussels';
/** Mid-year: the December meeting has not happened yet. */
const NOW = brussels('2026-06-01');

describe('the volunteers part of the reports', () => {
	const db = createTestDb();
	const { hood, other } = makeVolunteerYear(db);
	const year = resolvePeriod({ period: 'year', year: 2026 }, TZ, 0);

	it("counts the helpers' own told minutes per local month, in the post's neighbourhood", () => {
		expect(hoursPerMonth(db, [hood.id], year)).toEqual([
			{ month: '2026-01', helpers: 2, minutes: 120 },
			{ month: '2026-02', helpers: 6, minutes: 420 },
			{ month: '2026-03', helpers: 1, minutes: 45 }
		]);
		expect(hoursInPeriod(db, [hood.id], year)).toEqual({ helpers: 6, minutes: 585 });
		expect(hoursPerMonth(db, [other.id], year)).toEqual([
			{ month: '2026-03', helpers: 1, minutes: 240 }
		]);
		expect(hoursInPeriod(db, [hood.id, other.id], year)).toEqual({ helpers: 6, minutes: 825 });
	});

	it('sums approved expenses by the month they were decided', () => {
		expect(expensesPerMonth(db, [hood.id], year)).toEqual([
			{ month: '2026-03', helpers: 5, cents: 2300 },
			{ month: '2026-04', helpers: 1, cents: 1250 }
		]);
	});

	it('counts gatherings held (not cancelled, begun before now) per kind and their attendances', () => {
		expect(gatheringsPerMonth(db, [hood.id], year, NOW)).toEqual([
			{ month: '2026-02', kind: 'training', held: 1, attendees: 5 },
			{ month: '2026-03', kind: 'intervision', held: 2, attendees: 6 }
		]);
		// Once December's meeting has happened, it is held (nobody was recorded there).
		expect(
			gatheringsPerMonth(db, [hood.id], year, brussels('2027-01-01')).find(
				(r) => r.month === '2026-12'
			)
		).toEqual({ month: '2026-12', kind: 'volunteer_meeting', held: 1, attendees: 0 });
	});

	it('shows per month with small counts hidden, and hours and euros only when five or more made them', () => {
		const report = buildReport(db, [hood.id], year, NOW, 'en');
		const table = report.tables.find((t) => t.key === 'volunteers')!;
		expect(table.columns).toEqual([
			'Month',
			'Hours of help',
			'Helpers with hours',
			'Expenses paid back (euro)',
			'Gatherings',
			'Attendance'
		]);
		expect(table.rows).toHaveLength(12);
		// January: two helpers, so their 2 hours are hidden; February: 7 hours by six helpers.
		expect(table.rows[0]).toEqual(['Jan 2026', HIDDEN, SUPPRESSED, 0, 0, 0]);
		expect(table.rows[1]).toEqual(['Feb 2026', 7, 6, 0, 1, 5]);
		// March's €23 (five helpers) is hidden as well: the period's total minus it would give
		// April's one helper's €12.50 away.
		expect(table.rows[2]).toEqual(['Mar 2026', HIDDEN, SUPPRESSED, HIDDEN, 2, 6]);
		expect(table.rows[3]).toEqual(['Apr 2026', 0, 0, HIDDEN, 0, 0]);
		expect(table.note).toMatch(/at least 5 helpers/);
	});

	it("gives the period's totals and the gatherings per kind, without a name", () => {
		const report = buildReport(db, [hood.id], year, NOW, 'en');
		const totals = report.tables.find((t) => t.key === 'volunteer-totals')!;
		expect(totals.rows).toEqual([
			['Hours of help', 9.8],
			['Helpers who gave hours', 6],
			// Six helpers and Rosa, who holds a badge (the rule of volunteers/who.ts).
			['Volunteers now', 7],
			['Expenses paid back (euro)', 35.5],
			['Gatherings held', 3],
			['Attendance at gatherings', 11]
		]);
		const kinds = report.tables.find((t) => t.key === 'gatherings')!;
		expect(kinds.rows).toEqual([
			['Intervision', 2, 6],
			['Training', 1, 5]
		]);
		const everything = JSON.stringify(report);
		for (const name of ['Ann', 'Bo', 'Cor', 'Rosa', 'Fien']) expect(everything).not.toContain(name);
	});

	it('hides the period hours when fewer than five helpers gave them', () => {
		const march = resolvePeriod({ period: 'month', year: 2026, month: 3 }, TZ, 0);
		const totals = buildReport(db, [hood.id], march, NOW, 'nl').tables.find(
			(t) => t.key === 'volunteer-totals'
		)!;
		expect(totals.rows.slice(0, 2)).toEqual([
			['Uren geholpen', HIDDEN],
			['Helpers die uren gaven', SUPPRESSED]
		]);
	});
});
