import { sql, type SQL } from 'drizzle-orm';
import { FOLLOW_UP_OUTCOMES, type FollowUpOutcome } from '$lib/followup';
import type { DbOrTx } from '../db/client';
import { timeZonesOf } from '../neighbourhoods/public';
import { boundsPer, type Bounds, type Period } from './period';

/**
 * The steering group's figures, each one SQL aggregate over the neighbourhoods in scope and the
 * period. Nothing here returns a person: only counts, shares and durations. The period's local
 * days are counted in each neighbourhood's own time zone (the `bounds` and `months` CTEs).
 */

const DAY_MS = 86_400_000;

/** The period in each neighbourhood's own time zone. */
export function boundsOf(db: DbOrTx, neighbourhoodIds: number[], period: Period): Bounds[] {
	return boundsPer(period, timeZonesOf(db, neighbourhoodIds));
}

/** bounds(nid, start, "end"): the period's instants per neighbourhood, as a CTE. */
function boundsCte(bounds: Bounds[]): SQL {
	if (bounds.length === 0) return sql`bounds(nid, start, "end") AS (SELECT 0, 0, 0 WHERE 0)`;
	const rows = bounds.map((b) => sql`(${b.id}, ${b.start}, ${b.end})`);
	return sql`bounds(nid, start, "end") AS (VALUES ${sql.join(rows, sql`, `)})`;
}

/** months(nid, key, start, "end"): the period's months per neighbourhood, as a CTE. */
export function monthsCte(bounds: Bounds[]): SQL {
	const rows = bounds.flatMap((b) =>
		b.months.map((m) => sql`(${b.id}, ${m.key}, ${m.start}, ${m.end})`)
	);
	if (rows.length === 0) return sql`months(nid, key, start, "end") AS (SELECT 0, '', 0, 0 WHERE 0)`;
	return sql`months(nid, key, start, "end") AS (VALUES ${sql.join(rows, sql`, `)})`;
}

export interface CategoryMonthRow {
	month: string;
	categoryId: number;
	kind: 'request' | 'offer';
	count: number;
}

/** Requests and offers sent in each month, per category (drafts never count). */
export function postsPerCategoryMonth(
	db: DbOrTx,
	neighbourhoodIds: number[],
	period: Period
): CategoryMonthRow[] {
	return db.all<CategoryMonthRow>(sql`
		WITH ${monthsCte(boundsOf(db, neighbourhoodIds, period))}
		SELECT months.key AS month, p.category_id AS categoryId, p.kind AS kind, count(*) AS count
		FROM months
		JOIN posts p ON p.neighbourhood_id = months.nid
			AND p.created_at >= months.start AND p.created_at < months."end"
		WHERE p.status != 'draft'
		GROUP BY months.key, p.category_id, p.kind
		ORDER BY months.key, p.category_id, p.kind`);
}

export interface MonthCount {
	month: string;
	count: number;
}

/** Residents who joined in each month (accounts deleted since still count, anonymously). */
export function newResidentsPerMonth(
	db: DbOrTx,
	neighbourhoodIds: number[],
	period: Period
): MonthCount[] {
	return db.all<MonthCount>(sql`
		WITH ${monthsCte(boundsOf(db, neighbourhoodIds, period))}
		SELECT months.key AS month, count(u.id) AS count
		FROM months
		LEFT JOIN users u ON u.neighbourhood_id = months.nid
			AND u.created_at >= months.start AND u.created_at < months."end" AND u.role = 'resident'
		GROUP BY months.key
		ORDER BY months.key`);
}

export interface MatchFigures {
	/** Helpers who helped at least once: a match done in the period, or one still going. */
	activeHelpers: number;
	matchesMade: number;
	madeByResidents: number;
	madeByBrokers: number;
}

/**
 * Matches made in the period and the helpers who helped. A match comes after its post, so the
 * posts are found through the index on (neighbourhood, created) without reading their rows.
 */
export function matchFigures(db: DbOrTx, neighbourhoodIds: number[], period: Period): MatchFigures {
	const bounds = boundsCte(boundsOf(db, neighbourhoodIds, period));
	const made = db.get<{ total: number; brokers: number }>(sql`
		WITH ${bounds}
		SELECT count(*) AS total,
			coalesce(sum(CASE WHEN maker.role IN ('broker', 'admin') THEN 1 ELSE 0 END), 0) AS brokers
		FROM bounds b
		JOIN posts p ON p.neighbourhood_id = b.nid AND p.created_at < b."end"
		JOIN matches m ON m.post_id = p.id
		LEFT JOIN users maker ON maker.id = m.made_by_id
		WHERE +m.agreed_at >= b.start AND +m.agreed_at < b."end"`)!;
	const helpers = db.get<{ n: number }>(sql`
		WITH ${bounds}
		SELECT count(DISTINCT m.helper_id) AS n
		FROM bounds b
		JOIN posts p ON p.neighbourhood_id = b.nid AND p.created_at < b."end"
		JOIN matches m ON m.post_id = p.id
		WHERE +m.agreed_at < b."end"
			AND ((m.status = 'done' AND m.ended_at >= b.start AND m.ended_at < b."end")
				OR (m.status = 'active'))`)!;
	return {
		activeHelpers: helpers.n,
		matchesMade: made.total,
		madeByResidents: made.total - made.brokers,
		madeByBrokers: made.brokers
	};
}

export interface RequestFigures {
	/** Requests sent in the period (published, or waiting for a check). */
	requests: number;
	withResponse: number;
	matched: number;
	matchedWithin7Days: number;
	neverAnswered: number;
	/** Hours from publication to the first match, over matched requests; null without any. */
	medianHoursToMatch: number | null;
	p90HoursToMatch: number | null;
}

/**
 * What became of the requests made in the period (by creation date), as of now: answered, matched (and how fast),
 * or never answered. Percentiles by the nearest-rank method, computed in SQL.
 */
export function requestFigures(
	db: DbOrTx,
	neighbourhoodIds: number[],
	period: Period
): RequestFigures {
	const bounds = boundsCte(boundsOf(db, neighbourhoodIds, period));
	// One pass: each request with its first match, then counts and nearest-rank percentiles.
	const row = db.get<
		Omit<RequestFigures, 'medianHoursToMatch' | 'p90HoursToMatch'> & {
			median: number | null;
			p90: number | null;
		}
	>(sql`
		WITH ${bounds},
		requests AS (
			SELECT COALESCE(p.published_at, p.created_at) AS sent,
				(SELECT min(m.agreed_at) FROM matches m WHERE m.post_id = p.id) AS first_match,
				EXISTS (SELECT 1 FROM responses r WHERE r.post_id = p.id) AS answered
			FROM bounds b
			JOIN posts p ON p.neighbourhood_id = b.nid
				AND p.created_at >= b.start AND p.created_at < b."end"
			WHERE p.kind = 'request' AND p.status != 'draft'
		),
		ranked AS (
			SELECT *, first_match - sent AS waited,
				row_number() OVER (PARTITION BY first_match IS NULL ORDER BY first_match - sent) AS rn,
				count(*) OVER (PARTITION BY first_match IS NULL) AS n
			FROM requests
		)
		SELECT count(*) AS requests,
			coalesce(sum(answered OR first_match IS NOT NULL), 0) AS withResponse,
			coalesce(sum(first_match IS NOT NULL), 0) AS matched,
			coalesce(sum(first_match IS NOT NULL AND waited <= ${7 * DAY_MS}), 0) AS matchedWithin7Days,
			coalesce(sum(NOT answered AND first_match IS NULL), 0) AS neverAnswered,
			max(CASE WHEN first_match IS NOT NULL AND rn = (n * 50 + 99) / 100 THEN waited END) AS median,
			max(CASE WHEN first_match IS NOT NULL AND rn = (n * 90 + 99) / 100 THEN waited END) AS p90
		FROM ranked`)!;
	const { median, p90, ...counts } = row;
	const pct = { median, p90 };
	const hours = (ms: number | null) =>
		ms === null ? null : Math.round((ms / 3_600_000) * 10) / 10;
	return { ...counts, medianHoursToMatch: hours(pct.median), p90HoursToMatch: hours(pct.p90) };
}

export interface FollowUpFigures {
	/** Follow-ups sent in the period. */
	asked: number;
	answered: number;
	outcomes: Record<FollowUpOutcome, number>;
	/** Requests made in the period with a follow-up answered "went well": the funnel's last step. */
	requestsWentWell: number;
}

/** What the follow-ups sent in the period brought back. Counts only; no comments. */
export function followUpFigures(
	db: DbOrTx,
	neighbourhoodIds: number[],
	period: Period
): FollowUpFigures {
	const bounds = boundsCte(boundsOf(db, neighbourhoodIds, period));
	// Both queries walk the neighbourhood's posts through the covering index on (neighbourhood,
	// created) and read a post row only at the end: post rows are wide, and reading them (or
	// every follow-up of every neighbourhood in the period) was most of a year's report.
	// A follow-up is sent after its match, so its post was created before the period's end.
	const rows = db.all<{ outcome: FollowUpOutcome | null; n: number }>(sql`
		WITH ${bounds}
		SELECT f.outcome AS outcome, count(*) AS n
		FROM bounds b
		JOIN posts p ON p.neighbourhood_id = b.nid AND p.created_at < b."end"
		JOIN matches m ON m.post_id = p.id
		JOIN follow_ups f ON f.match_id = m.id
		WHERE +f.sent_at >= b.start AND +f.sent_at < b."end"
		GROUP BY f.outcome`);
	const outcomes = Object.fromEntries(FOLLOW_UP_OUTCOMES.map((o) => [o, 0])) as Record<
		FollowUpOutcome,
		number
	>;
	for (const r of rows) if (r.outcome) outcomes[r.outcome] = r.n;
	const wentWell = db.get<{ n: number }>(sql`
		WITH ${bounds},
		went AS (
			SELECT DISTINCT m.post_id AS id
			FROM bounds b
			JOIN posts p ON p.neighbourhood_id = b.nid
				AND p.created_at >= b.start AND p.created_at < b."end"
			JOIN matches m ON m.post_id = p.id
			JOIN follow_ups f ON f.match_id = m.id
			WHERE f.outcome = 'went_well'
		)
		SELECT count(*) AS n FROM went JOIN posts p ON p.id = went.id WHERE p.kind = 'request'`)!;
	return {
		asked: rows.reduce((s, r) => s + r.n, 0),
		answered: rows.filter((r) => r.outcome !== null).reduce((s, r) => s + r.n, 0),
		outcomes,
		requestsWentWell: wentWell.n
	};
}
