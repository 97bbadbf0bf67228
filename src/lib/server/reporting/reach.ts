import { sql, type SQL } from 'drizzle-orm';
import type { RequestChannel } from '$lib/backoffice/lists';
import type { DbOrTx } from '../db/client';
import { boundsOf, monthsCte } from './figures';
import type { Period } from './period';

/**
 * The reach monitor's figures (issue 21 §5, seed 004 §1.4.2: the assertive use a service, the
 * vulnerable do not): how requests came in, who asks for the first time, where in the
 * neighbourhood, and whether the oldest and those without e-mail are reached. Counts only; the
 * section (reach-section.ts) suppresses them like every other count.
 */

/**
 * THE rule of how a request came in, derived and never stored: through a partner when a partner's
 * referral names it; at a phone intake when a broker (or admin) placed it; by a carer when
 * someone else placed it for the author; else online by the resident.
 */
export function requestChannelSql(post: SQL): SQL<RequestChannel> {
	return sql<RequestChannel>`case
		when exists (select 1 from partner_referrals pr where pr.post_id = ${post}.id) then 'partner'
		when ${post}.placed_by_id is null then 'online'
		when (select u.role from users u where u.id = ${post}.placed_by_id) in ('broker', 'admin') then 'phone'
		else 'carer' end`;
}

export interface ChannelMonth {
	month: string;
	channel: RequestChannel;
	count: number;
}

/** Requests sent in each month by how they came in (drafts never count). */
export function requestsPerChannelMonth(
	db: DbOrTx,
	neighbourhoodIds: number[],
	period: Period
): ChannelMonth[] {
	return db.all<ChannelMonth>(sql`
		WITH ${monthsCte(boundsOf(db, neighbourhoodIds, period))}
		SELECT months.key AS month, ${requestChannelSql(sql`p`)} AS channel, count(*) AS count
		FROM months
		JOIN posts p ON p.neighbourhood_id = months.nid
			AND p.created_at >= months.start AND p.created_at < months."end"
		WHERE p.kind = 'request' AND p.status != 'draft'
		GROUP BY months.key, channel`);
}

/** People whose first request ever was sent in each month. */
export function firstTimeAskersPerMonth(
	db: DbOrTx,
	neighbourhoodIds: number[],
	period: Period
): { month: string; count: number }[] {
	return db.all(sql`
		WITH ${monthsCte(boundsOf(db, neighbourhoodIds, period))},
		firsts AS (
			SELECT author_id, neighbourhood_id AS nid, min(created_at) AS first
			FROM posts WHERE kind = 'request' AND status != 'draft'
			GROUP BY author_id
		)
		SELECT months.key AS month, count(*) AS count
		FROM months
		JOIN firsts f ON f.nid = months.nid AND f.first >= months.start AND f.first < months."end"
		GROUP BY months.key`);
}

export interface StreetRow {
	streetId: number;
	street: string;
	requests: number;
	helpers: number;
}

/**
 * Requests sent in the period by residents of each street, and the helpers of each street who
 * agreed to help in the period (their street as it is now).
 */
export function perStreet(db: DbOrTx, neighbourhoodIds: number[], period: Period): StreetRow[] {
	if (neighbourhoodIds.length === 0) return [];
	const ids = sql.join(
		neighbourhoodIds.map((id) => sql`${id}`),
		sql`, `
	);
	return db.all<StreetRow>(sql`
		SELECT s.id AS streetId, s.name AS street,
			(SELECT count(*) FROM posts p JOIN users u ON u.id = p.author_id
				WHERE u.street_id = s.id AND p.kind = 'request' AND p.status != 'draft'
				AND p.created_at >= ${period.start} AND p.created_at < ${period.end}) AS requests,
			(SELECT count(DISTINCT m.helper_id) FROM matches m JOIN users u ON u.id = m.helper_id
				WHERE u.street_id = s.id
				AND m.agreed_at >= ${period.start} AND m.agreed_at < ${period.end}) AS helpers
		FROM streets s
		WHERE s.neighbourhood_id IN (${ids})
		ORDER BY s.name COLLATE NOCASE`);
}

/**
 * Streets where residents live but none of them asked for help in the twelve months before `now`:
 * for the broker's own eyes on the reports page (where to go and knock), never published, never
 * in the CSV or the steering group's view.
 */
export function quietStreets(
	db: DbOrTx,
	neighbourhoodIds: number[],
	now: number
): { street: string; residents: number }[] {
	if (neighbourhoodIds.length === 0) return [];
	const ids = sql.join(
		neighbourhoodIds.map((id) => sql`${id}`),
		sql`, `
	);
	const since = now - 365 * 24 * 60 * 60 * 1000;
	return db.all(sql`
		SELECT s.name AS street, count(u.id) AS residents
		FROM streets s
		JOIN users u ON u.street_id = s.id AND u.status = 'active' AND u.role = 'resident'
		WHERE s.neighbourhood_id IN (${ids})
			AND NOT EXISTS (
				SELECT 1 FROM posts p JOIN users a ON a.id = p.author_id
				WHERE a.street_id = s.id AND p.kind = 'request' AND p.status != 'draft'
					AND p.created_at >= ${since}
			)
		GROUP BY s.id
		ORDER BY s.name COLLATE NOCASE`);
}

/**
 * Who asked in the period: how many people, for how many the year of birth is known, how many
 * of those are over 75 (in the year the period ends), and how many have no e-mail address.
 */
export function requesters(db: DbOrTx, neighbourhoodIds: number[], period: Period) {
	if (neighbourhoodIds.length === 0) return { people: 0, birthKnown: 0, over75: 0, noEmail: 0 };
	const ids = sql.join(
		neighbourhoodIds.map((id) => sql`${id}`),
		sql`, `
	);
	const endYear = new Date(period.end - 1).getUTCFullYear();
	return db.get<{ people: number; birthKnown: number; over75: number; noEmail: number }>(sql`
		SELECT count(*) AS people,
			coalesce(sum(u.birth_year IS NOT NULL), 0) AS birthKnown,
			coalesce(sum(u.birth_year IS NOT NULL AND ${endYear} - u.birth_year > 75), 0) AS over75,
			coalesce(sum(u.email IS NULL AND u.status != 'deleted'), 0) AS noEmail
		FROM users u
		WHERE u.id IN (
			SELECT p.author_id FROM posts p
			WHERE p.neighbourhood_id IN (${ids}) AND p.kind = 'request' AND p.status != 'draft'
				AND p.created_at >= ${period.start} AND p.created_at < ${period.end}
		)`)!;
}
