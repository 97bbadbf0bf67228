import { tzOffset, tzScan } from '@date-fns/tz';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { timeZonesOf } from '../neighbourhoods/public';
import { localDate, localInstant } from '../calendar';

/**
 * The one place that computes lending figures, for the lending desk (/desk/figures) and the
 * steering group's report (/broker/reports): per tool or per funding source, each an SQL
 * aggregate. Nothing here returns a person, only counts.
 */

export interface Figures {
	/** The tool's id, or the funding source's (null: tools without one). */
	key: number | null;
	name: string;
	/** The funding source the tool (or the row) belongs to, null for none. */
	fundId: number | null;
	/** A tool's asset tag, or a funding source's funder. */
	detail: string;
	loans: number;
	daysOnLoan: number;
	/** Days on loan divided by days available (tools × days in the period), 0..1. */
	utilisation: number;
	borrowers: number;
	/** Of `loans`: due back in the period, and returned after that day or still out after it. */
	overdue: number;
	/** Times a tool went in repair in the period. */
	repairs: number;
}

/**
 * The period in local dates, [from, to): the same calendar days in every neighbourhood, each
 * taken in its own time zone.
 */
export interface LendingPeriod {
	from: string;
	to: string;
}

const FAR = 8.64e15;
const DAY_MS = 86_400_000;

/**
 * Each neighbourhood's UTC offsets as rows (nid, start, end, offset ms) from before `from` to
 * after `until`: SQLite knows no time zones, and a check-in's local date needs the offset of its
 * instant. The first and last rows reach to the ends of time (an instant outside the scanned span
 * is an early return, long before any due date, where an hour more or less changes nothing).
 */
function zoneRows(zones: Map<number, string>, from: number, until: number): SQL {
	const start = new Date(from - 40 * DAY_MS);
	const end = new Date(until + DAY_MS);
	const rows: SQL[] = [];
	for (const [id, timeZone] of zones) {
		let since = -FAR;
		let offset = tzOffset(timeZone, start) * 60_000;
		for (const c of tzScan(timeZone, { start, end })) {
			rows.push(sql`(${id}, ${since}, ${c.date.getTime()}, ${offset})`);
			since = c.date.getTime();
			offset = c.offset * 60_000;
		}
		rows.push(sql`(${id}, ${since}, ${FAR}, ${offset})`);
	}
	return sql`zone(nid, start, "end", offset) AS (VALUES ${sql.join(rows, sql`, `)})`;
}

/**
 * local(nid, today, start, "end"): per neighbourhood, today's local date and the period's
 * first and after-last midnight as instants, in its own time zone.
 */
function localRows(zones: Map<number, string>, period: LendingPeriod, now: number): SQL {
	const rows = [...zones].map(
		([id, tz]) =>
			sql`(${id}, ${localDate(now, tz)}, ${localInstant(period.from, '00:00', tz)}, ${localInstant(period.to, '00:00', tz)})`
	);
	return sql`local(nid, today, start, "end") AS (VALUES ${sql.join(rows, sql`, `)})`;
}

/**
 * Loans collected (on loan or returned) whose dates overlap [from, to); days on loan count the
 * days of each loan inside the period up to today, both loan days included. A loan is overdue
 * in the period when its last day falls in it and it came back on a later local day, or is
 * still out after it today. Repairs count the stays in repair that began in the period.
 * Retired tools show only when they were lent or repaired in the period, so a past year keeps
 * its figures.
 */
function query(d: DbOrTx, ids: number[], period: LendingPeriod, now: number, by: 'tool' | 'fund') {
	const zones = timeZonesOf(d, ids);
	if (zones.size === 0) return [];
	const { from, to } = period;
	const key = by === 'tool' ? sql`s.id` : sql`s.funding_source_id`;
	const name = by === 'tool' ? sql`s.name` : sql`coalesce(f.name, '')`;
	const detail = by === 'tool' ? sql`s.asset_tag` : sql`coalesce(f.funder, '')`;
	const sameKey =
		by === 'tool' ? sql`s2.id = s.id` : sql`s2.funding_source_id IS s.funding_source_id`;
	// Scan offsets over the period as it is in UTC give or take a day, and up to now.
	const spanStart = Date.parse(from) - DAY_MS;
	const spanEnd = Math.max(Date.parse(to) + DAY_MS, now);
	return d.all<Omit<Figures, 'utilisation'> & { toolDays: number }>(sql`
		WITH ${zoneRows(zones, spanStart, spanEnd)},
		${localRows(zones, period, now)},
		lent AS (
			SELECT l.tool_id AS tool_id, l.borrower_id AS borrower_id,
				max(0, julianday(min(l.end_date, date(${to}, '-1 day'), lo.today)) - julianday(max(l.start_date, ${from})) + 1) AS days,
				(l.end_date < ${to} AND (
					(l.status = 'returned' AND date((l.checked_in_at
						+ (SELECT z.offset FROM zone z WHERE z.nid = lo.nid
							AND l.checked_in_at >= z.start AND l.checked_in_at < z."end"))
						/ 1000, 'unixepoch') > l.end_date)
					OR (l.status = 'on_loan' AND l.end_date < lo.today))) AS late
			FROM local lo
			JOIN tools t ON t.neighbourhood_id = lo.nid
			JOIN loans l ON l.tool_id = t.id
			WHERE l.status IN ('on_loan', 'returned')
				AND l.start_date < ${to} AND l.end_date >= ${from}
		),
		fixed AS (
			SELECT r.tool_id AS tool_id, count(*) AS n
			FROM local lo
			JOIN tools t ON t.neighbourhood_id = lo.nid
			JOIN tool_repairs r ON r.tool_id = t.id
			WHERE r.started_at >= lo.start AND r.started_at < lo."end"
			GROUP BY r.tool_id
		),
		shown AS (
			-- Days the tool could be lent in the period so far: up to and including today.
			SELECT t.*, max(0, julianday(min(${to}, date(lo.today, '+1 day'))) - julianday(${from})) AS available
			FROM local lo
			JOIN tools t ON t.neighbourhood_id = lo.nid
			WHERE t.status != 'retired'
				OR t.id IN (SELECT tool_id FROM lent) OR t.id IN (SELECT tool_id FROM fixed)
		)
		SELECT ${key} AS key, ${name} AS name, ${detail} AS detail, s.funding_source_id AS fundId,
			(SELECT coalesce(sum(s2.available), 0) FROM shown s2 WHERE ${sameKey}) AS toolDays,
			count(lent.tool_id) AS loans,
			coalesce(sum(lent.days), 0) AS daysOnLoan,
			count(DISTINCT lent.borrower_id) AS borrowers,
			coalesce(sum(lent.late), 0) AS overdue,
			(SELECT coalesce(sum(fixed.n), 0) FROM fixed JOIN shown s2 ON s2.id = fixed.tool_id
				WHERE ${sameKey}) AS repairs
		FROM shown s
		LEFT JOIN funding_sources f ON f.id = s.funding_source_id
		LEFT JOIN lent ON lent.tool_id = s.id
		GROUP BY ${key}
		ORDER BY ${name}, ${detail}`);
}

/**
 * Utilisation is days on loan over the days the tools could be lent so far: a year's report in
 * June compares with the days up to today, not with a whole year still to come.
 */
function shape(rows: ReturnType<typeof query>): Figures[] {
	return rows.map(({ toolDays, ...r }) => {
		const daysOnLoan = Math.round(r.daysOnLoan);
		return { ...r, daysOnLoan, utilisation: toolDays > 0 ? daysOnLoan / toolDays : 0 };
	});
}

/** Figures per tool of the neighbourhoods for the period; `now` decides what is late today. */
export function figuresPerTool(
	d: DbOrTx,
	neighbourhoodIds: number[],
	period: LendingPeriod,
	now: number
): Figures[] {
	return shape(query(d, neighbourhoodIds, period, now, 'tool'));
}

/** Figures per funding source of the neighbourhoods' tools for the period. */
export function figuresPerFund(
	d: DbOrTx,
	neighbourhoodIds: number[],
	period: LendingPeriod,
	now: number
): Figures[] {
	return shape(query(d, neighbourhoodIds, period, now, 'fund'));
}

/** The desk's figures for one neighbourhood, in its own time zone. */
export function deskFigures(
	d: DbOrTx,
	neighbourhoodId: number,
	from: string,
	to: string,
	now: number
): { perTool: Figures[]; perFund: Figures[] } {
	const period = { from, to };
	return {
		perTool: figuresPerTool(d, [neighbourhoodId], period, now),
		perFund: figuresPerFund(d, [neighbourhoodId], period, now)
	};
}
