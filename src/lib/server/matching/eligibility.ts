import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';

/**
 * Why someone may not help a requester, as the last part of a message key
 * (`matching_err_helper_<refusal>`), so the broker reads the reason in plain words.
 */
export type HelperRefusal =
	'gone' | 'own_post' | 'other_neighbourhood' | 'not_a_resident' | 'suspended' | 'blocked';

/**
 * The two sides of a possible match: the post's neighbourhood and who asks for help, as values
 * or as columns of a post in the surrounding query (the alerts check many posts at once).
 */
export interface MatchPlace {
	neighbourhoodId: number | SQL;
	requesterId: string | SQL;
}

/**
 * The one rule for who may help, as SQL over a `users u` row: NULL when they may, else the
 * reason. A helper lives in the post's neighbourhood, is a resident there (brokers live in
 * their neighbourhood too and may help; admins never), is not suspended, and neither they nor
 * the requester blocked the other. Suggestions filter with it; proposing and every accept (by
 * the poster or through a proposal) ask `helperRefusal`, which runs the same expression.
 */
export function helperRefusalSql(place: MatchPlace): SQL<HelperRefusal | null> {
	const { neighbourhoodId, requesterId } = place;
	return sql<HelperRefusal | null>`(CASE
		WHEN u.deleted_at IS NOT NULL OR u.status = 'deleted' THEN 'gone'
		WHEN u.id = ${requesterId} THEN 'own_post'
		WHEN u.neighbourhood_id IS NOT ${neighbourhoodId} THEN 'other_neighbourhood'
		WHEN u.role NOT IN ('resident', 'broker') THEN 'not_a_resident'
		WHEN u.status != 'active' THEN 'suspended'
		WHEN EXISTS (SELECT 1 FROM blocks k WHERE
			(k.blocker_id = u.id AND k.blocked_id = ${requesterId})
			OR (k.blocker_id = ${requesterId} AND k.blocked_id = u.id)) THEN 'blocked'
	END)`;
}

/** Why this person may not help at this place, or null when they may. */
export function helperRefusal(
	db: DbOrTx,
	place: MatchPlace,
	helperId: string
): HelperRefusal | null {
	const row = db.get<{ refusal: HelperRefusal | null }>(
		sql`SELECT ${helperRefusalSql(place)} AS refusal FROM users u WHERE u.id = ${helperId}`
	);
	return row ? row.refusal : 'gone';
}
