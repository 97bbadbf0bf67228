import { sql, type SQL } from 'drizzle-orm';
import { FOLLOW_UP_OUTCOMES, type FollowUpOutcome } from '$lib/followup';
import type { DbOrTx } from '../db/client';
import type { Period } from './period';

/**
 * The steering group's figures, each one SQL aggregate over the neighbourhoods in scope and the
 * period. Nothing here returns a person: only counts, shares and durations.
 */

const DAY_MS = 86_400_000;

function inScope(column: SQL, neighbourhoodIds: number[]): SQL {
	if (neighbourhoodIds.length === 0) return sql`0`;
	return sql`${column} IN (${sql.join(
		neighbourhoodIds.map((id) => sql`${id}`),
		sql`, `
	)})`;
}

/** The period's months as a CTE: months(key, start, end). */
function monthsCte(period: Period): SQL {
	const rows = period.months.map((m) => sql`(${m.key}, ${m.start}, ${m.end})`);
	return sql`months(key, start, "end") AS (VALUES ${sql.join(rows, sql`, `)})`;
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
		WITH ${monthsCte(period)}
		SELECT months.key AS month, p.category_id AS categoryId, p.kind AS kind, count(*) AS count
		FROM posts p
		JOIN months ON p.created_at >= months.start AND p.created_at < months."end"
		WHERE p.status != 'draft' AND ${inScope(sql`p.neighbourhood_id`, neighbourhoodIds)}
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
		WITH ${monthsCte(period)}
		SELECT months.key AS month, count(u.id) AS count
		FROM months
		LEFT JOIN users u ON u.created_at >= months.start AND u.created_at < months."end"
			AND u.role = 'resident' AND ${inScope(sql`u.neighbourhood_id`, neighbourhoodIds)}
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
	const scope = inScope(sql`p.neighbourhood_id`, neighbourhoodIds);
	const made = db.get<{ total: number; brokers: number }>(sql`
		SELECT count(*) AS total,
			coalesce(sum(CASE WHEN maker.role IN ('broker', 'admin') THEN 1 ELSE 0 END), 0) AS brokers
		FROM posts p
		JOIN matches m ON m.post_id = p.id
		LEFT JOIN users maker ON maker.id = m.made_by_id
		WHERE ${scope} AND p.created_at < ${period.end}
			AND +m.agreed_at >= ${period.start} AND +m.agreed_at < ${period.end}`)!;
	const helpers = db.get<{ n: number }>(sql`
		SELECT count(DISTINCT m.helper_id) AS n
		FROM posts p
		JOIN matches m ON m.post_id = p.id
		WHERE ${scope} AND p.created_at < ${period.end} AND +m.agreed_at < ${period.end}
			AND ((m.status = 'done' AND m.ended_at >= ${period.start} AND m.ended_at < ${period.end})
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
	const scope = inScope(sql`p.neighbourhood_id`, neighbourhoodIds);
	// One pass: each request with its first match, then counts and nearest-rank percentiles.
	const row = db.get<
		Omit<RequestFigures, 'medianHoursToMatch' | 'p90HoursToMatch'> & {
			median: number | null;
			p90: number | null;
		}
	>(sql`
		WITH requests AS (
			SELECT COALESCE(p.published_at, p.created_at) AS sent,
				(SELECT min(m.agreed_at) FROM matches m WHERE m.post_id = p.id) AS first_match,
				EXISTS (SELECT 1 FROM responses r WHERE r.post_id = p.id) AS answered
			FROM posts p
			WHERE p.kind = 'request' AND p.status != 'draft' AND ${scope}
				AND p.created_at >= ${period.start} AND p.created_at < ${period.end}
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
	const scope = inScope(sql`p.neighbourhood_id`, neighbourhoodIds);
	// Both queries walk the neighbourhood's posts through the covering index on (neighbourhood,
	// created) and read a post row only at the end: post rows are wide, and reading them (or
	// every follow-up of every neighbourhood in the period) was most of a year's report.
	// A follow-up is sent after its match, so its post was created before the period's end.
	const rows = db.all<{ outcome: FollowUpOutcome | null; n: number }>(sql`
		SELECT f.outcome AS outcome, count(*) AS n
		FROM posts p
		JOIN matches m ON m.post_id = p.id
		JOIN follow_ups f ON f.match_id = m.id
		WHERE ${scope} AND p.created_at < ${period.end}
			AND +f.sent_at >= ${period.start} AND +f.sent_at < ${period.end}
		GROUP BY f.outcome`);
	const outcomes = Object.fromEntries(FOLLOW_UP_OUTCOMES.map((o) => [o, 0])) as Record<
		FollowUpOutcome,
		number
	>;
	for (const r of rows) if (r.outcome) outcomes[r.outcome] = r.n;
	const wentWell = db.get<{ n: number }>(sql`
		WITH went AS (
			SELECT DISTINCT m.post_id AS id
			FROM posts p
			JOIN matches m ON m.post_id = p.id
			JOIN follow_ups f ON f.match_id = m.id
			WHERE ${scope} AND p.created_at >= ${period.start} AND p.created_at < ${period.end}
				AND f.outcome = 'went_well'
		)
		SELECT count(*) AS n FROM went JOIN posts p ON p.id = went.id WHERE p.kind = 'request'`)!;
	return {
		asked: rows.reduce((s, r) => s + r.n, 0),
		answered: rows.filter((r) => r.outcome !== null).reduce((s, r) => s + r.n, 0),
		outcomes,
		requestsWentWell: wentWell.n
	};
}
