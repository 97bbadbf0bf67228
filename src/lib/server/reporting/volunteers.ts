import { sql } from 'drizzle-orm';
import type { GatheringKind } from '$lib/volunteers/lists';
import type { DbOrTx } from '../db/client';
import { helperOwnMinutes } from '../volunteers/hours';
import { boundsOf, monthsCte } from './figures';
import type { Period } from './period';

/**
 * The volunteers' figures for the reports (issue 20): hours given, expenses paid back and
 * gatherings held, per month of the period in each neighbourhood's own time zone. Counts and
 * sums only: no helper is named, and no row returns a person.
 */

export interface HoursMonthRow {
	month: string;
	/** Helpers who told hours answered in that month. */
	helpers: number;
	minutes: number;
}

/**
 * Hours by THE rule of volunteers/hours.ts (the helper's own follow-up answers, by when they
 * answered), per month; an hour counts for the neighbourhood of the post it was given for.
 * A follow-up comes after its match, so its post was created before the month's end.
 */
export function hoursPerMonth(
	db: DbOrTx,
	neighbourhoodIds: number[],
	period: Period
): HoursMonthRow[] {
	return db.all<HoursMonthRow>(sql`
		WITH ${monthsCte(boundsOf(db, neighbourhoodIds, period))}
		SELECT months.key AS month, count(DISTINCT follow_ups.user_id) AS helpers,
			sum(follow_ups.minutes) AS minutes
		FROM months
		JOIN posts ON posts.neighbourhood_id = months.nid AND posts.created_at < months."end"
		JOIN matches ON matches.post_id = posts.id
		JOIN follow_ups ON follow_ups.match_id = matches.id
		WHERE ${helperOwnMinutes}
			AND follow_ups.answered_at >= months.start AND follow_ups.answered_at < months."end"
		GROUP BY months.key
		ORDER BY months.key`);
}

/** The period's hours and the different helpers who gave them (a helper counts once). */
export function hoursInPeriod(
	db: DbOrTx,
	neighbourhoodIds: number[],
	period: Period
): { helpers: number; minutes: number } {
	const row = db.get<{ helpers: number; minutes: number | null }>(sql`
		WITH ${monthsCte(boundsOf(db, neighbourhoodIds, period))}
		SELECT count(DISTINCT follow_ups.user_id) AS helpers, sum(follow_ups.minutes) AS minutes
		FROM months
		JOIN posts ON posts.neighbourhood_id = months.nid AND posts.created_at < months."end"
		JOIN matches ON matches.post_id = posts.id
		JOIN follow_ups ON follow_ups.match_id = matches.id
		WHERE ${helperOwnMinutes}
			AND follow_ups.answered_at >= months.start AND follow_ups.answered_at < months."end"`)!;
	return { helpers: row.helpers, minutes: row.minutes ?? 0 };
}

export interface ExpenseMonthRow {
	month: string;
	/** Helpers whose claims were approved in that month. */
	helpers: number;
	cents: number;
}

/**
 * Expenses approved per month, by when the broker decided, in cents: the one place that sums
 * approved claims (volunteers/expenses.ts records and decides them).
 */
export function expensesPerMonth(
	db: DbOrTx,
	neighbourhoodIds: number[],
	period: Period
): ExpenseMonthRow[] {
	return db.all<ExpenseMonthRow>(sql`
		WITH ${monthsCte(boundsOf(db, neighbourhoodIds, period))}
		SELECT months.key AS month, count(DISTINCT e.helper_id) AS helpers,
			sum(e.amount_cents) AS cents
		FROM months
		JOIN expense_claims e ON e.neighbourhood_id = months.nid AND e.status = 'approved'
			AND e.decided_at >= months.start AND e.decided_at < months."end"
		GROUP BY months.key
		ORDER BY months.key`);
}

/** The period's approved expenses and the different helpers they were paid to. */
export function expensesInPeriod(
	db: DbOrTx,
	neighbourhoodIds: number[],
	period: Period
): { helpers: number; cents: number } {
	const row = db.get<{ helpers: number; cents: number | null }>(sql`
		WITH ${monthsCte(boundsOf(db, neighbourhoodIds, period))}
		SELECT count(DISTINCT e.helper_id) AS helpers, sum(e.amount_cents) AS cents
		FROM months
		JOIN expense_claims e ON e.neighbourhood_id = months.nid AND e.status = 'approved'
			AND e.decided_at >= months.start AND e.decided_at < months."end"`)!;
	return { helpers: row.helpers, cents: row.cents ?? 0 };
}

export interface GatheringMonthRow {
	month: string;
	kind: GatheringKind;
	held: number;
	/** Attendances the broker recorded (a person at two gatherings counts twice). */
	attendees: number;
}

/** Gatherings held per month and kind: not cancelled, begun in the month and before now. */
export function gatheringsPerMonth(
	db: DbOrTx,
	neighbourhoodIds: number[],
	period: Period,
	now: number
): GatheringMonthRow[] {
	return db.all<GatheringMonthRow>(sql`
		WITH ${monthsCte(boundsOf(db, neighbourhoodIds, period))}
		SELECT months.key AS month, g.kind AS kind, count(*) AS held,
			coalesce(sum((SELECT count(*) FROM gathering_signups s
				WHERE s.gathering_id = g.id AND s.attended = 1)), 0) AS attendees
		FROM months
		JOIN gatherings g ON g.neighbourhood_id = months.nid AND g.cancelled_at IS NULL
			AND g.starts_at >= months.start AND g.starts_at < months."end" AND g.starts_at < ${now}
		GROUP BY months.key, g.kind
		ORDER BY months.key, g.kind`);
}
