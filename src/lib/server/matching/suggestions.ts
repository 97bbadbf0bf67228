import { gridDiskDistances } from 'h3-js';
import { eq, sql } from 'drizzle-orm';
import { DAYS, type Slot } from '$lib/profile/availability';
import { localDate, localTime, weekdayOf } from '../calendar';
import type { DbOrTx } from '../db/client';
import { neighbourhoods, posts, users, type Post } from '../db/schema';
import type { BadgeKind } from '$lib/trust/badge-kinds';
import { distanceBand, distanceMetres } from '../geo/distance';
import { requiredBadges } from '../trust/rules';
import { agreementStandings, type AgreementStanding } from '../volunteers/agreement-status';
import { isBusy } from '../volunteers/care';
import { helperRefusalSql } from './eligibility';

/** Helpers further away than this are not suggested: neighbour help is within walking distance. */
export const MAX_DISTANCE_M = 3000;

/** One reason for (or against) a helper, as a message key the page translates. */
export interface Reason {
	key:
		| 'offers_category'
		| 'likes_category'
		| 'near'
		| 'available'
		| 'not_available'
		| 'speaks_language'
		| 'no_common_language'
		| 'badges'
		| 'badge_missing'
		| 'busy'
		| 'free'
		| 'experienced';
	good: boolean;
	/** E.g. the number of active matches, or the distance band. */
	value?: number | string;
}

export interface Suggestion {
	helperId: string;
	name: string;
	metres: number;
	band: number | 'far';
	score: number;
	offersCategory: boolean;
	likesCategory: boolean;
	/** Null when the request has no set time. */
	availableThen: boolean | null;
	/** Null when the requester gave no languages. */
	commonLanguage: boolean | null;
	badges: BadgeKind[];
	/** Badges the neighbourhood requires for the category that this helper lacks. */
	missingBadges: BadgeKind[];
	activeMatches: number;
	/** At or above the neighbourhood's running-match limit: proposing needs the broker's confirmation. */
	busy: boolean;
	/** Where the helper stands with the neighbourhood's volunteer agreement. */
	agreement: AgreementStanding;
	doneHelps: number;
	reasons: Reason[];
}

export type WhyNone = 'no_one_for_category' | 'none_within_distance' | 'none_available_then';

export interface Suggestions {
	post: Post;
	/** The moment the help is wanted, as an availability slot; null when flexible. */
	slot: Slot | null;
	suggestions: Suggestion[];
	/** The neighbourhood's running-match limit per helper. */
	helperMatchLimit: number;
	/** Set when no helper fits well, in plain words for the broker. */
	whyNone: WhyNone | null;
}

/** Only this many of the nearest fitting helpers are scored in full. */
export const CANDIDATES = 200;
/** Rings of H3 cells (about 350 m each) around the request: 10 rings reach MAX_DISTANCE_M. */
const MAX_RINGS = 10;

interface CandidateRow {
	id: string;
	name: string;
	lat: number;
	lon: number;
	languages: string;
	availability: string;
	likes: number;
	offers: number;
	active: number;
	done: number;
	badges: string | null;
}

/**
 * The nearest people who offer or like the request's category, at most CANDIDATES of them, with
 * everything the score needs. The search widens ring by ring of H3 cells around the request and
 * stops as soon as it has enough, so its cost follows CANDIDATES, not the number of helpers.
 */
function nearestCandidates(db: DbOrTx, post: Post, now: number): CandidateRow[] {
	const rings = gridDiskDistances(post.approxCell, MAX_RINGS);
	const fits = (cells: string[]) =>
		db.all<{ id: string; lat: number; lon: number }>(sql`
			SELECT u.id, u.exact_lat AS lat, u.exact_lon AS lon
			FROM users u INDEXED BY users_approx_cell -- not the neighbourhood index: that scans everyone
			-- A quick first cut on indexed columns; the full rule (eligibility.ts) applies below.
			WHERE u.approx_cell IN (${sql.join(
				cells.map((c) => sql`${c}`),
				sql`, `
			)})
				AND u.neighbourhood_id = ${post.neighbourhoodId}
				AND u.status = 'active' AND u.deleted_at IS NULL AND u.exact_lat IS NOT NULL
				AND u.id != ${post.authorId}
				AND (EXISTS (SELECT 1 FROM user_categories uc
						WHERE uc.user_id = u.id AND uc.category_id = ${post.categoryId})
					OR EXISTS (SELECT 1 FROM posts o WHERE o.author_id = u.id AND o.kind = 'offer'
						AND o.status = 'open' AND o.category_id = ${post.categoryId}))`);
	const found: { id: string; lat: number; lon: number }[] = [];
	for (const ring of rings) {
		found.push(...fits(ring));
		if (found.length >= CANDIDATES) break;
	}
	if (found.length === 0) return [];
	const here = { lat: post.exactLat, lon: post.exactLon };
	const nearest = found
		.map((f) => ({ id: f.id, d: distanceMetres(here, f) }))
		.sort((a, b) => a.d - b.d)
		.slice(0, CANDIDATES)
		.map((f) => f.id);
	return db.all<CandidateRow>(sql`
		SELECT u.id, u.display_name AS name, u.exact_lat AS lat, u.exact_lon AS lon,
			u.languages, u.availability,
			EXISTS (SELECT 1 FROM user_categories uc
				WHERE uc.user_id = u.id AND uc.category_id = ${post.categoryId}) AS likes,
			EXISTS (SELECT 1 FROM posts o WHERE o.author_id = u.id AND o.kind = 'offer'
				AND o.status = 'open' AND o.category_id = ${post.categoryId}) AS offers,
			(SELECT count(*) FROM matches m WHERE m.helper_id = u.id AND m.status = 'active') AS active,
			(SELECT count(*) FROM matches m WHERE m.helper_id = u.id AND m.status = 'done') AS done,
			(SELECT group_concat(DISTINCT b.kind) FROM trust_badges b WHERE b.user_id = u.id
				AND b.revoked_at IS NULL AND (b.expires_at IS NULL OR b.expires_at > ${now})) AS badges
		FROM users u
		WHERE u.id IN (${sql.join(
			nearest.map((id) => sql`${id}`),
			sql`, `
		)})
			AND ${helperRefusalSql({ neighbourhoodId: post.neighbourhoodId, requesterId: post.authorId })} IS NULL
			AND NOT EXISTS (SELECT 1 FROM matches m WHERE m.post_id = ${post.id}
				AND m.helper_id = u.id AND m.status IN ('active', 'done'))`);
}

/** Does anyone in the neighbourhood (however far) offer or like the request's category? */
function anyoneForCategory(db: DbOrTx, post: Post): boolean {
	return (
		db.get<{ yes: number }>(sql`
			SELECT EXISTS (SELECT 1 FROM user_categories uc JOIN users u ON u.id = uc.user_id
				WHERE uc.category_id = ${post.categoryId} AND u.neighbourhood_id = ${post.neighbourhoodId}
					AND u.status = 'active' AND u.id != ${post.authorId}) AS yes`)?.yes === 1
	);
}

const partOfHour = (h: number) => (h < 12 ? 'morning' : h < 17 ? 'afternoon' : 'evening');

/** The availability slot a request is for, in the neighbourhood's time zone. */
export function slotOf(post: Post, timeZone: string): Slot | null {
	if (post.whenType === 'recurring' && post.recurringDay && post.recurringPart)
		return `${DAYS[post.recurringDay - 1]!}-${post.recurringPart}`;
	if (post.startsAt !== null) {
		const day = weekdayOf(localDate(post.startsAt, timeZone));
		const hour = Number(localTime(post.startsAt, timeZone).slice(0, 2));
		return `${DAYS[day - 1]!}-${partOfHour(hour)}`;
	}
	return null;
}

const parseList = (json: string | null): string[] => {
	try {
		const v: unknown = JSON.parse(json ?? '[]');
		return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
	} catch {
		return [];
	}
};

/**
 * Ranks the neighbourhood's helpers for a request, with the reasons visible: offers or likes the
 * category, distance, available at the requested time, a shared language, trust badges, and how
 * many matches they already have (to spread the load); a badge the neighbourhood requires for the
 * category and the helper lacks counts against them. Lists only who may help (eligibility.ts:
 * residents of the neighbourhood, not suspended, no block either way with the requester) and
 * not those already matched on this post.
 * Candidates are selected in SQL; only those who offer or like the category are scored.
 */
export function suggestHelpers(
	db: DbOrTx,
	postId: number,
	now: number,
	limit = 10
): Suggestions | null {
	const row = db
		.select({
			post: posts,
			timeZone: neighbourhoods.timeZone,
			helperMatchLimit: neighbourhoods.helperMatchLimit,
			requesterLanguages: users.languages
		})
		.from(posts)
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, posts.neighbourhoodId))
		.innerJoin(users, eq(users.id, posts.authorId))
		.where(eq(posts.id, postId))
		.get();
	if (!row) return null;
	const { post, timeZone, helperMatchLimit } = row;
	const slot = slotOf(post, timeZone);
	const wanted = new Set(parseList(row.requesterLanguages));

	const candidates = nearestCandidates(db, post, now);
	if (candidates.length === 0)
		return {
			post,
			slot,
			suggestions: [],
			helperMatchLimit,
			whyNone: anyoneForCategory(db, post) ? 'none_within_distance' : 'no_one_for_category'
		};

	const postPoint = { lat: post.exactLat, lon: post.exactLon };
	const required = requiredBadges(db, post);
	const standings = agreementStandings(
		db,
		post.neighbourhoodId,
		candidates.map((c) => c.id)
	);
	const scored: Suggestion[] = [];
	for (const c of candidates) {
		const metres = Math.round(distanceMetres(postPoint, { lat: c.lat, lon: c.lon }));
		if (metres > MAX_DISTANCE_M) continue;
		const availableThen = slot === null ? null : parseList(c.availability).includes(slot);
		const languages = parseList(c.languages);
		const commonLanguage = wanted.size === 0 ? null : languages.some((l) => wanted.has(l));
		const badges = (c.badges ? c.badges.split(',') : []) as BadgeKind[];
		const reasons: Reason[] = [];
		let score = 0;
		const weigh = (points: number, reason: Reason) => {
			score += points;
			reasons.push(reason);
		};
		if (c.offers) weigh(4, { key: 'offers_category', good: true });
		else if (c.likes) weigh(3, { key: 'likes_category', good: true });
		const band = distanceBand(metres);
		weigh(band === 500 ? 3 : band === 1000 ? 2 : band === 2000 ? 1 : 0, {
			key: 'near',
			good: band !== 'far',
			value: band === 'far' ? MAX_DISTANCE_M : band
		});
		if (availableThen === true) weigh(2, { key: 'available', good: true });
		if (availableThen === false) weigh(-2, { key: 'not_available', good: false });
		if (commonLanguage === true) weigh(2, { key: 'speaks_language', good: true });
		if (commonLanguage === false) weigh(-1, { key: 'no_common_language', good: false });
		if (badges.length > 0)
			weigh(Math.min(badges.length, 3), { key: 'badges', good: true, value: badges.length });
		// A helper can still be proposed without a required badge, after the broker confirms.
		const missingBadges = required.filter((k) => !badges.includes(k));
		if (missingBadges.length > 0)
			weigh(-2, { key: 'badge_missing', good: false, value: missingBadges.length });
		// Spread the load: every ongoing match counts against a helper.
		if (c.active > 0) weigh(-c.active, { key: 'busy', good: false, value: c.active });
		else weigh(0, { key: 'free', good: true });
		if (c.done > 0)
			weigh(Math.min(c.done, 5) * 0.2, { key: 'experienced', good: true, value: c.done });
		scored.push({
			helperId: c.id,
			name: c.name,
			metres,
			band,
			score: Math.round(score * 10) / 10,
			offersCategory: Boolean(c.offers),
			likesCategory: Boolean(c.likes),
			availableThen,
			commonLanguage,
			badges,
			missingBadges,
			activeMatches: c.active,
			busy: isBusy(c.active, helperMatchLimit),
			agreement: standings.get(c.id) ?? 'not_accepted',
			doneHelps: c.done,
			reasons
		});
	}
	if (scored.length === 0)
		return { post, slot, suggestions: [], helperMatchLimit, whyNone: 'none_within_distance' };
	scored.sort((a, b) => b.score - a.score || a.metres - b.metres || a.name.localeCompare(b.name));
	const whyNone: WhyNone | null =
		slot !== null && scored.every((s) => s.availableThen === false) ? 'none_available_then' : null;
	return { post, slot, suggestions: scored.slice(0, limit), helperMatchLimit, whyNone };
}
