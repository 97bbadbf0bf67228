import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { eq } from 'drizzle-orm';
import { csvResponse } from '../csv';
import { createTestDb } from '../db/test-db';
import { tools } from '../db/schema';
import { deskFigures, figuresPerFund, figuresPerTool, type Figures } from '../lending/figures';
import { buildPeriod } from './period';
import { buildReport } from './report';
import { brussels } from '../testing/dates';
import { makeReportingYear } from '../testing/reporting';

const TZ = 'Europe/Brussels';
/** Long after the known year, when every loan of it is settled. */
const LATER = Date.UTC(2027, 5, 1);
const YEAR = { from: '2026-01-01', to: '2027-01-01' };
const row = (f: Figures) => [
	f.name,
	f.detail,
	f.loans,
	f.daysOnLoan,
	f.borrowers,
	f.overdue,
	f.repairs
];

describe('the lending figures of a known year', () => {
	const db = createTestDb();
	const { hood } = makeReportingYear(db);

	it('count loans, days, borrowers, late returns and repairs per tool', () => {
		const perTool = figuresPerTool(db, [hood.id], YEAR, LATER);
		// The saw retired before 2026 is left out; the steamer retired in March is not.
		expect(perTool.map(row)).toEqual([
			['Behangafstomer', 'KBS-3', 1, 3, 1, 0, 1],
			['Boormachine', 'KBS-1', 6, 18, 6, 4, 2],
			['Kruiwagen', 'EIG-1', 2, 5, 2, 1, 0],
			['Ladder', 'KBS-2', 4, 10, 4, 1, 2]
		]);
		expect(perTool[1]!.utilisation).toBeCloseTo(18 / 365);
	});

	it('count the same per funding source, borrowers counted once per source', () => {
		const perFund = figuresPerFund(db, [hood.id], YEAR, LATER);
		expect(perFund.map(row)).toEqual([
			['', '', 2, 5, 2, 1, 0],
			['KBS-subsidie', 'Koning Boudewijnstichting', 11, 31, 6, 5, 5]
		]);
		// Three grant tools were in service (or lent) in the year.
		expect(perFund[1]!.utilisation).toBeCloseTo(31 / (3 * 365));
		expect(figuresPerFund(db, [hood.id + 1], YEAR, LATER)).toEqual([]);
	});

	it('call a loan still out late only once its last local day has passed', () => {
		const drill = (now: number) =>
			figuresPerTool(db, [hood.id], YEAR, now).find((f) => f.name === 'Boormachine')!.overdue;
		// Due 20 December; 23:30 UTC on the 20th is already the 21st in Brussels.
		expect(drill(brussels('2026-12-20', '23:30'))).toBe(3);
		expect(drill(brussels('2026-12-21', '00:30'))).toBe(4);
	});

	it('place late returns and repairs by the local day, at quarter boundaries', () => {
		const quarter = (from: string, to: string) =>
			figuresPerTool(db, [hood.id], { from, to }, LATER)
				.filter((f) => f.loans > 0 || f.repairs > 0)
				.map(row);
		// The drill due 30 June came back at 00:30 on 1 July (still 30 June in UTC): late in the
		// second quarter; the repair it went into began on 1 July: a third-quarter repair.
		expect(quarter('2026-04-01', '2026-07-01')).toEqual([
			['Boormachine', 'KBS-1', 1, 3, 1, 1, 0],
			['Ladder', 'KBS-2', 2, 6, 2, 1, 1]
		]);
		expect(quarter('2026-07-01', '2026-10-01')).toEqual([
			['Boormachine', 'KBS-1', 1, 3, 1, 0, 1],
			['Kruiwagen', 'EIG-1', 2, 5, 2, 1, 0]
		]);
		// The repair at 00:30 on 1 January 2026 counts in January; the one at 23:30 the evening
		// before (both 31 December in UTC) does not.
		expect(quarter('2026-01-01', '2026-02-01')).toEqual([
			['Boormachine', 'KBS-1', 1, 3, 1, 0, 1],
			['Ladder', 'KBS-2', 1, 2, 1, 0, 0]
		]);
	});

	it('measure use over the days the period has had so far', () => {
		// On 30 June at noon: 181 days of 2026 have begun; loans count only their days up to today.
		const midYear = brussels('2026-06-30', '12:00');
		const drill = figuresPerTool(db, [hood.id], YEAR, midYear).find(
			(f) => f.name === 'Boormachine'
		)!;
		expect(drill.utilisation).toBeCloseTo(drill.daysOnLoan / 181);
		expect(drill.daysOnLoan).toBeLessThan(18);
		// Before the period began nothing was available yet: no share at all.
		const before = figuresPerTool(db, [hood.id], YEAR, brussels('2025-12-15'));
		expect(before).toHaveLength(4);
		expect(before.every((f) => f.utilisation === 0)).toBe(true);
	});

	it('are the same figures the lending desk shows', () => {
		const desk = deskFigures(db, hood.id, YEAR.from, YEAR.to, LATER);
		expect(desk.perTool).toEqual(figuresPerTool(db, [hood.id], YEAR, LATER));
		expect(desk.perFund).toEqual(figuresPerFund(db, [hood.id], YEAR, LATER));
	});
});

describe('the lending tables of the report', () => {
	const db = createTestDb();
	const { hood } = makeReportingYear(db);
	const report = buildReport(
		db,
		[hood.id],
		buildPeriod('year', '2026-01-01', '2027-01-01', TZ),
		LATER,
		'en'
	);
	const table = (key: string) => report.tables.find((t) => t.key === key)!;

	it('show overdue shares and repairs, with counts from 1 to 4 as "< 5"', () => {
		expect(table('lending-tools').columns).toEqual([
			'Tool',
			'Asset tag',
			'Loans',
			'Days on loan',
			'Use',
			'Distinct borrowers',
			'Share returned late',
			'Times in repair'
		]);
		expect(table('lending-tools').rows).toEqual([
			['Behangafstomer', 'KBS-3', '< 5', 3, '1%', '< 5', '< 5', '< 5'],
			['Boormachine', 'KBS-1', 6, 18, '5%', 6, '< 5', '< 5'],
			['Kruiwagen', 'EIG-1', '< 5', 5, '1%', '< 5', '< 5', 0],
			['Ladder', 'KBS-2', '< 5', 10, '3%', '< 5', '< 5', '< 5']
		]);
		// 5 of 11 grant loans came back late: 45%.
		expect(table('lending-funds').rows).toEqual([
			['No funding source', '–', '< 5', 5, '1%', '< 5', '< 5', 0],
			['KBS-subsidie', 'Koning Boudewijnstichting', 11, 31, '3%', 6, '45%', 5]
		]);
	});

	it('chart the loans per tool, small ones drawn as nothing', () => {
		expect(report.loansPerTool).toEqual([
			{ key: 'KBS-3', label: 'Behangafstomer', value: 0, cell: '< 5' },
			{ key: 'KBS-1', label: 'Boormachine', value: 6, cell: 6 },
			{ key: 'EIG-1', label: 'Kruiwagen', value: 0, cell: '< 5' },
			{ key: 'KBS-2', label: 'Ladder', value: 0, cell: '< 5' }
		]);
	});
});

describe('the CSV download of a report table', () => {
	it('writes a tool name that looks like a formula as text, so a spreadsheet does not run it', async () => {
		const db = createTestDb();
		const { hood } = makeReportingYear(db);
		const evil = '=HYPERLINK("http://evil.example","Kruiwagen")';
		db.update(tools).set({ name: evil }).where(eq(tools.assetTag, 'EIG-1')).run();
		const period = buildPeriod('year', '2026-01-01', '2027-01-01', TZ);
		const table = buildReport(db, [hood.id], period, LATER, 'en').tables.find(
			(t) => t.key === 'lending-tools'
		)!;
		// The same rows the download route gives the writer.
		const text = await csvResponse('x.csv', [table.columns, ...table.rows]).text();
		const rows = Papa.parse<string[]>(text.replace(/^\ufeff/, '')).data;
		expect(rows.find((r) => r[1] === 'EIG-1')?.[0]).toBe(`'${evil}`);
	});
});
