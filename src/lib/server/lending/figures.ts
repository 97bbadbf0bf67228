import { tzOffset, tzScan } from '@date-fns/tz';
import { addDays, format, parseISO } from 'date-fns';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { neighbourhoods } from '../db/schema';
import { localInstant } from '../posts/timing';
import { localDate } from './dates';

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

/** The period in the neighbourhood's local dates, [from, to), and the time zone they are in. */
export interface LendingPeriod {
	from: string;
	to: string;
	timeZone: string;
}

const FAR = 8.64e15;
const DAY_MS = 86_400_000;

/**
 * The zone's UTC offsets as rows (start, end, offset ms) from before `from` to after `until`:
 * SQLite knows no time zones, and a check-in's local date needs the offset of its instant.
 * The first and last rows reach to the ends of time (an instant outside the scanned span is an
 * early return, long before any due date, where an hour more or less changes nothing).
 */
function zoneRows(timeZone: string, from: number, until: number): SQL {
	const start = new Date(from - 40 * DAY_MS);
	const end = new Date(until + DAY_MS);
	const changes = tzScan(timeZone, { start, end });
	const rows: SQL[] = [];
	let since = -FAR;
	let offset = tzOffset(timeZone, start) * 60_000;
	for (const c of changes) {
		rows.push(sql`(${since}, ${c.date.getTime()}, ${offset})`);
		since = c.date.getTime();
		offset = c.offset * 60_000;
	}
	rows.push(sql`(${since}, ${FAR}, ${offset})`);
	return sql`zone(start, "end", offset) AS (VALUES ${sql.join(rows, sql`, `)})`;
}

function inScope(column: SQL, ids: number[]): SQL {
	if (ids.length === 0) return sql`0`;
	return sql`${column} IN (${sql.join(
		ids.map((id) => sql`${id}`),
		sql`, `
	)})`;
}

/**
 * Loans collected (on loan or returned) whose dates overlap [from, to); days on loan count the
 * days of each loan inside the period up to today, both loan days included. A loan is overdue
 * in the period when its last day falls in it and it came back on a later local day, or is
 * still out after it today. Repairs count the stays in repair that began in the period. Retired tools show only
 * when they were lent or repaired in the period, so a past year keeps its figures.
 */
function query(d: DbOrTx, ids: number[], period: LendingPeriod, now: number, by: 'tool' | 'fund') {
	const { from, to, timeZone } = period;
	const start = localInstant(from, '00:00', timeZone);
	const end = localInstant(to, '00:00', timeZone);
	const today = localDate(now, timeZone);
	const key = by === 'tool' ? sql`s.id` : sql`s.funding_source_id`;
	const name = by === 'tool' ? sql`s.name` : sql`coalesce(f.name, '')`;
	const detail = by === 'tool' ? sql`s.asset_tag` : sql`coalesce(f.funder, '')`;
	const sameKey =
		by === 'tool' ? sql`s2.id = s.id` : sql`s2.funding_source_id IS s.funding_source_id`;
	return d.all<Omit<Figures, 'utilisation'> & { tools: number }>(sql`
		WITH ${zoneRows(timeZone, start, Math.max(end, now))},
		lent AS (
			SELECT l.tool_id AS tool_id, l.borrower_id AS borrower_id,
				max(0, julianday(min(l.end_date, date(${to}, '-1 day'), ${today})) - julianday(max(l.start_date, ${from})) + 1) AS days,
				(l.end_date < ${to} AND (
					(l.status = 'returned' AND date((l.checked_in_at
						+ (SELECT z.offset FROM zone z WHERE l.checked_in_at >= z.start AND l.checked_in_at < z."end"))
						/ 1000, 'unixepoch') > l.end_date)
					OR (l.status = 'on_loan' AND l.end_date < ${today}))) AS late
			FROM loans l
			JOIN tools t ON t.id = l.tool_id
			WHERE ${inScope(sql`t.neighbourhood_id`, ids)}
				AND l.status IN ('on_loan', 'returned')
				AND l.start_date < ${to} AND l.end_date >= ${from}
		),
		fixed AS (
			SELECT r.tool_id AS tool_id, count(*) AS n
			FROM tool_repairs r
			JOIN tools t ON t.id = r.tool_id
			WHERE ${inScope(sql`t.neighbourhood_id`, ids)}
				AND r.started_at >= ${start} AND r.started_at < ${end}
			GROUP BY r.tool_id
		),
		shown AS (
			SELECT t.* FROM tools t
			WHERE ${inScope(sql`t.neighbourhood_id`, ids)}
				AND (t.status != 'retired'
					OR t.id IN (SELECT tool_id FROM lent) OR t.id IN (SELECT tool_id FROM fixed))
		)
		SELECT ${key} AS key, ${name} AS name, ${detail} AS detail, s.funding_source_id AS fundId,
			count(DISTINCT s.id) AS tools,
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
 * Utilisation is over the days the period has had so far: a year's report in June compares
 * the days on loan with the days up to today, not with a whole year still to come.
 */
function shape(rows: ReturnType<typeof query>, period: LendingPeriod, now: number): Figures[] {
	const tomorrow = format(addDays(parseISO(localDate(now, period.timeZone)), 1), 'yyyy-MM-dd');
	const until = tomorrow < period.to ? tomorrow : period.to;
	const days = Math.max(0, Math.round((Date.parse(until) - Date.parse(period.from)) / DAY_MS));
	return rows.map(({ tools, ...r }) => {
		const daysOnLoan = Math.round(r.daysOnLoan);
		return {
			...r,
			daysOnLoan,
			utilisation: days > 0 && tools > 0 ? daysOnLoan / (tools * days) : 0
		};
	});
}

/** Figures per tool of the neighbourhoods for the period; `now` decides what is late today. */
export function figuresPerTool(
	d: DbOrTx,
	neighbourhoodIds: number[],
	period: LendingPeriod,
	now: number
): Figures[] {
	return shape(query(d, neighbourhoodIds, period, now, 'tool'), period, now);
}

/** Figures per funding source of the neighbourhoods' tools for the period. */
export function figuresPerFund(
	d: DbOrTx,
	neighbourhoodIds: number[],
	period: LendingPeriod,
	now: number
): Figures[] {
	return shape(query(d, neighbourhoodIds, period, now, 'fund'), period, now);
}

/** The desk's figures for one neighbourhood, in its own time zone. */
export function deskFigures(
	d: DbOrTx,
	neighbourhoodId: number,
	from: string,
	to: string,
	now: number
): { perTool: Figures[]; perFund: Figures[] } {
	const timeZone =
		d
			.select({ tz: neighbourhoods.timeZone })
			.from(neighbourhoods)
			.where(eq(neighbourhoods.id, neighbourhoodId))
			.get()?.tz ?? 'Europe/Brussels';
	const period = { from, to, timeZone };
	return {
		perTool: figuresPerTool(d, [neighbourhoodId], period, now),
		perFund: figuresPerFund(d, [neighbourhoodId], period, now)
	};
}
