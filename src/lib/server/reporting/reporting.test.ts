import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import {
	followUpFigures,
	matchFigures,
	newResidentsPerMonth,
	postsPerCategoryMonth,
	requestFigures
} from './figures';
import { buildPeriod, periodLastDay, resolvePeriod } from './period';
import { buildReport } from './report';
import { Counts, countCell as cellOf, shareCell as shareOf } from './cells';

/** How a lone count or share shows when no sum gives it away. */
const countCell = (n: number) => cellOf(new Counts().count(n));
const shareCell = (part: number, whole: number) => {
	const c = new Counts();
	return shareOf({ part: c.count(part), whole: c.count(whole) });
};
import { readReportRequest } from './query';
import { ensureCategories } from '../categories/pilot';
import { ensureToolCategories } from '../lending/categories';
import { seedDemoIfEmpty } from '../demo/seed';
import { HISTORY_MONTHS, historyLoans, historyMonth } from '../demo/history-pattern';
import { brussels } from '../testing/dates';
import { makeReportingYear } from '../testing/reporting';
import { HIDDEN, SUPPRESSED } from './cells';
import { eq } from 'drizzle-orm';
import { categories, neighbourhoods, signals, trustBadges } from '../db/schema';
import { localInstant } from '../calendar';
import { createPost } from '../posts/create';
import { makePostInput, makeNeighbourhood } from '../testing/posts';
import { countReferrals } from '../broker/referrals';

const TZ = 'Europe/Brussels';
/** Long after the known year, when every figure of it is settled. */
const LATER = Date.UTC(2027, 5, 1);

describe('reporting periods', () => {
	it('are whole local days in the time zone, split into months', () => {
		const year = resolvePeriod({ period: 'year', year: 2026 }, TZ, 0);
		expect([year.from, year.to, year.days, year.months.length]).toEqual([
			'2026-01-01',
			'2027-01-01',
			365,
			12
		]);
		// Midnight in Brussels is 23:00 UTC the day before in winter, 22:00 in summer.
		expect(year.start).toBe(Date.UTC(2025, 11, 31, 23));
		expect(year.months[3]!.start).toBe(Date.UTC(2026, 2, 31, 22));
		const quarter = resolvePeriod({ period: 'quarter', year: 2026, quarter: 2 }, TZ, 0);
		expect([quarter.from, quarter.to]).toEqual(['2026-04-01', '2026-07-01']);
		const custom = resolvePeriod({ period: 'custom', from: '2026-01-15', to: '2026-02-10' }, TZ, 0);
		expect([custom.to, custom.days, custom.months.map((m) => m.key)]).toEqual([
			'2026-02-11',
			27,
			['2026-01', '2026-02']
		]);
		expect(custom.months[0]!.start).toBe(custom.start);
		const month = resolvePeriod({ period: 'month' }, TZ, Date.UTC(2026, 10, 24));
		expect([month.from, month.to]).toEqual(['2026-11-01', '2026-12-01']);
	});

	it('name their last day shown, the day before `to`, across months, years and leap days', () => {
		const q4 = resolvePeriod({ period: 'quarter', year: 2026, quarter: 4 }, TZ, 0);
		expect(periodLastDay(q4)).toBe('2026-12-31');
		const february = resolvePeriod({ period: 'month', year: 2028, month: 2 }, TZ, 0);
		expect(periodLastDay(february)).toBe('2028-02-29');
		const custom = resolvePeriod({ period: 'custom', from: '2026-03-01', to: '2026-03-29' }, TZ, 0);
		expect(periodLastDay(custom)).toBe('2026-03-29');
	});
});

describe('the figures of a known year', () => {
	const db = createTestDb();
	const { hood, smallJobs, garden } = makeReportingYear(db);
	const year = buildPeriod('year', '2026-01-01', '2027-01-01', TZ);

	it('count requests and offers per category per month, by the local month', () => {
		expect(postsPerCategoryMonth(db, [hood.id], year)).toEqual(
			[
				{ month: '2026-01', categoryId: smallJobs.id, kind: 'request', count: 3 },
				{ month: '2026-01', categoryId: garden.id, kind: 'offer', count: 1 },
				{ month: '2026-02', categoryId: smallJobs.id, kind: 'request', count: 1 },
				{ month: '2026-03', categoryId: smallJobs.id, kind: 'request', count: 1 },
				{ month: '2026-04', categoryId: smallJobs.id, kind: 'request', count: 1 }
			].sort((a, b) => a.month.localeCompare(b.month) || a.categoryId - b.categoryId)
		);
		// Another neighbourhood sees nothing of it.
		expect(postsPerCategoryMonth(db, [hood.id + 1], year)).toEqual([]);
	});

	it('count new residents per month', () => {
		const rows = newResidentsPerMonth(db, [hood.id], year);
		expect(rows).toHaveLength(12);
		expect(rows.find((r) => r.month === '2026-03')!.count).toBe(2);
		expect(rows.reduce((s, r) => s + r.count, 0)).toBe(2);
	});

	it('count matches by who made them, and the helpers who helped', () => {
		expect(matchFigures(db, [hood.id], year)).toEqual({
			activeHelpers: 3,
			matchesMade: 3,
			madeByResidents: 2,
			madeByBrokers: 1
		});
		// Only the first quarter: Jan's done match and Piet's ongoing one.
		const q1 = buildPeriod('quarter', '2026-01-01', '2026-04-01', TZ);
		expect(matchFigures(db, [hood.id], q1)).toMatchObject({ activeHelpers: 2, matchesMade: 2 });
	});

	it('measure how fast requests are matched, and which were never answered', () => {
		expect(requestFigures(db, [hood.id], year)).toEqual({
			requests: 6,
			withResponse: 4,
			matched: 3,
			matchedWithin7Days: 2,
			neverAnswered: 2,
			medianHoursToMatch: 48,
			p90HoursToMatch: 240
		});
	});
});

describe('the referrals of a known year', () => {
	const db = createTestDb();
	const { hood } = makeReportingYear(db);

	it('count the requests of the period that were referred, per kind of service', () => {
		const year = buildPeriod('year', '2026-01-01', '2027-01-01', TZ);
		// March's request; the one of 31 December 2025 (referred in January) belongs to 2025.
		expect(countReferrals(db, [hood.id], year.start, year.end)).toEqual({ sociaal: 1 });
		const december = buildPeriod('month', '2025-12-01', '2026-01-01', TZ);
		expect(countReferrals(db, [hood.id], december.start, december.end)).toEqual({ sociaal: 1 });
		expect(countReferrals(db, [hood.id + 1], year.start, year.end)).toEqual({});
		const report = buildReport(db, [hood.id], year, LATER, 'en');
		const table = report.tables.find((t) => t.key === 'referrals')!;
		expect(table.columns).toEqual([
			'Kind of service',
			'Requests referred',
			'Share of the requests'
		]);
		expect(table.rows).toEqual([['sociaal', '< 5', '< 5']]);
	});
});

describe('the follow-up figures of a known year', () => {
	const db = createTestDb();
	const { hood } = makeReportingYear(db);

	it('count the answers and the answer rate of the follow-ups sent in the period', () => {
		const year = buildPeriod('year', '2026-01-01', '2027-01-01', TZ);
		expect(followUpFigures(db, [hood.id], year)).toEqual({
			asked: 6,
			answered: 5,
			outcomes: { went_well: 2, partly: 1, did_not_happen: 1, call_me: 1 },
			requestsWentWell: 1
		});
		// The first quarter holds the follow-ups of January's two matches only.
		const q1 = buildPeriod('quarter', '2026-01-01', '2026-04-01', TZ);
		expect(followUpFigures(db, [hood.id], q1)).toMatchObject({ asked: 4, answered: 3 });
		expect(followUpFigures(db, [hood.id + 1], year).asked).toBe(0);
	});

	it('show in the report with small counts suppressed, and end the funnel', () => {
		const report = buildReport(
			db,
			[hood.id],
			buildPeriod('year', '2026-01-01', '2027-01-01', TZ),
			LATER,
			'en'
		);
		const table = report.tables.find((t) => t.key === 'follow-ups')!;
		expect(table.rows).toEqual([
			['Follow-ups sent', 6],
			['Answered', 5],
			['Answer rate', '83%'],
			['Went well', '< 5'],
			['Some of it went well', '< 5'],
			['Did not happen', '< 5'],
			['Asked to be called', '< 5']
		]);
		expect(report.funnel.at(-1)).toMatchObject({ label: 'Follow-up: went well', cell: '< 5' });
	});
});

describe('the report as people see it', () => {
	it('shows counts from 1 to 4 as "< 5", in the tables and the charts', () => {
		const db = createTestDb();
		const { hood } = makeReportingYear(db);
		const report = buildReport(
			db,
			[hood.id],
			buildPeriod('year', '2026-01-01', '2027-01-01', TZ),
			LATER,
			'nl'
		);
		const activity = report.tables.find((t) => t.key === 'activity')!;
		expect(activity.columns).toEqual(['Maand', 'Hulpvragen', 'Aanbod', 'Nieuwe bewoners']);
		// January: 3 requests, 1 offer, no newcomers.
		expect(activity.rows[0]).toEqual(['jan 2026', '< 5', '< 5', 0]);
		const matching = report.tables.find((t) => t.key === 'matching')!;
		expect(matching.rows[0]).toEqual(['Hulpvragen in de periode', 6]);
		// 2 of 6 within a week: a small count, so no share either.
		expect(matching.rows[3]).toEqual(['Deel met een afspraak binnen 7 dagen', '< 5']);
		expect(report.months[0]).toMatchObject({ requests: 0, offers: 0 });
		expect(report.funnel.map((s) => s.cell)).toEqual([6, '< 5', '< 5', '< 5']);
	});

	it('hides a second count where a total would give a small one away', () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const garden = db.select().from(categories).where(eq(categories.slug, 'garden')).get()!;
		const rosa = ctx.resident('Rosa');
		db.insert(trustBadges).values({ userId: rosa.id, kind: 'met_in_person', grantedAt: 0 }).run();
		let key = 0;
		const post = (categoryId: number, date: string) =>
			createPost(
				db,
				rosa.id,
				makePostInput(categoryId, { submissionKey: `k${key++}` }),
				true,
				brussels(date)
			);
		// January: 6 garden requests; March: 3 small jobs and 6 garden requests.
		for (let i = 0; i < 6; i++) post(garden.id, '2026-01-12');
		for (let i = 0; i < 3; i++) post(ctx.category.id, '2026-03-03');
		for (let i = 0; i < 6; i++) post(garden.id, '2026-03-04');
		const q1 = buildPeriod('quarter', '2026-01-01', '2026-04-01', TZ);
		const report = buildReport(db, [ctx.hood.id], q1, LATER, 'en');
		const rows = (key: string) => report.tables.find((t) => t.key === key)!.rows;
		// March's 9 requests minus its 6 garden ones would give the 3 small jobs away, and the 15
		// requests minus the 12 garden ones their total: so garden's March and total are hidden.
		expect(rows('categories')).toEqual([
			['Small jobs in the house', 'Request', 0, 0, SUPPRESSED, SUPPRESSED],
			['Garden work', 'Request', 6, 0, HIDDEN, HIDDEN]
		]);
		expect(rows('activity').map((r) => r.slice(0, 3))).toEqual([
			['Jan 2026', 6, 0],
			['Feb 2026', 0, 0],
			['Mar 2026', 9, 0]
		]);
		expect(rows('matching')[0]).toEqual(['Requests in the period', 15]);
		// The chart's March bar is the activity table's, shown: 9.
		expect(report.months.map((b) => b.requests)).toEqual([6, 0, 9]);
	});

	it('gives the demo history its known figures', async () => {
		const db = createTestDb();
		ensureCategories(db);
		ensureToolCategories(db);
		const now = Date.UTC(2026, 10, 23, 12);
		await seedDemoIfEmpty(db, now);
		const month = resolvePeriod({ period: 'month', year: 2026, month: 8 }, TZ, now);
		const report = buildReport(db, [1], month, now, 'en');
		const plan = historyMonth(3);
		const activity = report.tables.find((t) => t.key === 'activity')!;
		expect(activity.rows).toHaveLength(1);
		expect(activity.rows[0]!.slice(0, 3)).toEqual([
			'Aug 2026',
			plan.requests,
			countCell(plan.offers)
		]);
		const matching = report.tables.find((t) => t.key === 'matching')!;
		expect(matching.rows.find((r) => r[0] === 'Requests with a match')![1]).toBe(
			countCell(plan.matched)
		);
		// Every fourth request of a month waited more than a week (see demo/history.ts).
		const late = Array.from({ length: plan.requests }, (_, i) => i).filter(
			(i) => i >= 2 && i % 4 === 0
		).length;
		expect(matching.rows.find((r) => r[0] === 'Share matched within 7 days')![1]).toBe(
			shareCell(plan.matched - late, plan.requests)
		);
		expect(shareCell(plan.matched - late, plan.requests)).toMatch(/^\d+%$/);
		// Signals are counted by kind only; there are none in the demo history.
		const signals = report.tables.find((t) => t.key === 'signals')!;
		expect(signals.rows).toEqual([
			['About a resident', 0, 0],
			['About a service', 0, 0],
			['For policy', 0, 0]
		]);

		// The grant's loans from eleven months ago up to two months ago (December 2025 to
		// September 2026), before today's loans and repair.
		const past = buildPeriod('custom', '2025-12-01', '2026-10-01', TZ);
		const lending = buildReport(db, [1], past, now, 'en').tables.find(
			(t) => t.key === 'lending-funds'
		)!;
		const months = Array.from({ length: HISTORY_MONTHS - 1 }, (_, i) => historyLoans(i + 2));
		const sum = (k: 'loans' | 'late' | 'repairs') => months.reduce((s, mo) => s + mo[k], 0);
		expect([sum('loans'), sum('late'), sum('repairs')]).toEqual([51, 15, 5]);
		expect(lending.rows).toEqual([
			['KBS-subsidie 2024', 'Koning Boudewijnstichting', 51, 153, '6%', 6, '29%', 5]
		]);
	});
});

describe('a report over neighbourhoods in different time zones', () => {
	it('counts each neighbourhood’s days from its own midnight', () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const { id: _id, slug: _slug, ...fields } = ctx.hood;
		const ny = db
			.insert(neighbourhoods)
			.values({ ...fields, slug: 'ny', name: 'Overzee', timeZone: 'America/New_York' })
			.returning()
			.all()[0]!;
		const rosa = ctx.resident('Rosa', { neighbourhoodId: ny.id });
		db.insert(trustBadges).values({ userId: rosa.id, kind: 'met_in_person', grantedAt: 0 }).run();
		let key = 0;
		const nyTime = (date: string, time: string) => localInstant(date, time, 'America/New_York');
		const post = (when: number) => {
			const made = createPost(
				db,
				rosa.id,
				makePostInput(ctx.category.id, { submissionKey: `k${key++}` }),
				true,
				when
			);
			expect(made.ok).toBe(true);
		};
		// New Year's Eve at 20:00 in New York is already the new year in Brussels: the first
		// belongs to 2025, the second to 2026, by New York's calendar.
		post(nyTime('2025-12-31', '20:00'));
		post(nyTime('2026-12-31', '20:00'));
		const signal = (when: number) =>
			db
				.insert(signals)
				.values({
					neighbourhoodId: ny.id,
					kind: 'service',
					filedById: rosa.id,
					body: 'De lift is stuk.',
					createdAt: when
				})
				.run();
		signal(nyTime('2025-12-31', '21:00'));
		for (let i = 0; i < 5; i++) signal(nyTime('2026-12-31', '21:00'));

		// The year is chosen in the first neighbourhood's calendar (Brussels).
		const year = resolvePeriod({ period: 'year', year: 2026 }, TZ, LATER);
		const both = [ctx.hood.id, ny.id];
		expect(postsPerCategoryMonth(db, both, year)).toEqual([
			{ month: '2026-12', categoryId: ctx.category.id, kind: 'request', count: 1 }
		]);
		expect(requestFigures(db, both, year).requests).toBe(1);
		const report = buildReport(db, both, year, LATER, 'en');
		const signalRows = report.tables.find((t) => t.key === 'signals')!.rows;
		expect(signalRows.find((r) => r[0] === 'About a service')).toEqual(['About a service', 5, 0]);
	});
});

describe('the report form', () => {
	it('reads empty fields as not chosen, and refuses a neighbourhood that is not yours', () => {
		const db = createTestDb();
		const { hood } = makeReportingYear(db);
		const broker = { id: 'nobody', role: 'broker' as const };
		const admin = { id: 'admin', role: 'admin' as const };
		const params = new URLSearchParams('period=month&year=2026&month=3&quarter=&from=&to=');
		const asked = readReportRequest(db, admin, params, 0)!;
		expect([asked.period.from, asked.period.to, asked.errors]).toEqual([
			'2026-03-01',
			'2026-04-01',
			{}
		]);
		expect(asked.ids).toEqual([hood.id]);
		expect(readReportRequest(db, broker, new URLSearchParams(`n=${hood.id}`), 0)).toBeNull();
		expect(readReportRequest(db, broker, new URLSearchParams(''), 0)!.ids).toEqual([]);
	});
});
