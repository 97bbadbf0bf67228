import { desc, eq, or, sql } from 'drizzle-orm';
import type { Band, PostKind, WhenType } from '$lib/posts/choices';
import type { PostStatus } from '$lib/posts/statuses';
import type { DayPart } from '$lib/day-parts';
import { DEFAULT_TIME_ZONE } from '../calendar';
import { preparedOnce, type DbOrTx } from '../db/client';
import { blocks, categories, neighbourhoods, posts, users } from '../db/schema';
import { writingLanguage } from '$lib/profile/languages';
import { categoryName } from '../categories/pilot';
import { firstName } from '../profile/public';
import { activeMatchCount } from './lifecycle';
import { isBlockedPair } from './responses';
import type { PublicBadges } from '$lib/trust/badges';
import { publicBadges } from '../trust/badges';
import { distanceBand, distanceMetres, type Viewer } from './list';

/** Statuses only the author sees: not (yet, or no longer) accepted for the neighbourhood. */
const PRIVATE: PostStatus[] = ['draft', 'pending', 'rejected', 'hidden'];

const viewerPlace = preparedOnce((db) =>
	db
		.select({ lat: users.exactLat, lon: users.exactLon, timeZone: neighbourhoods.timeZone })
		.from(users)
		.leftJoin(neighbourhoods, eq(users.neighbourhoodId, neighbourhoods.id))
		.where(eq(users.id, sql.placeholder('userId')))
		.prepare()
);

const anyBlock = preparedOnce((db) =>
	db
		.select({ x: blocks.blockerId })
		.from(blocks)
		.where(
			or(
				eq(blocks.blockerId, sql.placeholder('userId')),
				eq(blocks.blockedId, sql.placeholder('userId'))
			)
		)
		.limit(1)
		.prepare()
);

/** Where the viewer lives and the zone the dates are in. */
export function viewerOf(db: DbOrTx, userId: string): Viewer {
	const row = viewerPlace(db).get({ userId });
	const blocked = anyBlock(db).get({ userId });
	return {
		id: userId,
		hasBlocks: blocked !== undefined,
		point: row?.lat != null && row.lon != null ? { lat: row.lat, lon: row.lon } : null,
		timeZone: row?.timeZone ?? DEFAULT_TIME_ZONE
	};
}

/** What a post page shows: public facts, plus the status and reason for its author. */
export interface PostView {
	id: number;
	kind: PostKind;
	status: PostStatus;
	mine: boolean;
	title: string;
	body: string;
	/** The author's language, for `lang` on the title and text they wrote. */
	lang: string;
	categoryIcon: string;
	categoryName: string;
	whenType: WhenType;
	whenDate: string | null;
	whenFrom: string | null;
	whenTo: string | null;
	recurringDay: number | null;
	recurringPart: DayPart | null;
	durationMinutes: number | null;
	helpersNeeded: number;
	helpersLeft: number;
	standing: boolean;
	placeLabel: string | null;
	band: Band | null;
	posterFirstName: string;
	/** Granted and earned badges of the poster (public parts only). */
	posterBadges: PublicBadges;
	/** For the link to the poster's public profile. */
	posterId: string;
	neighbourhood: string;
	rejectionReason: string | null;
}

/** A post as this viewer may see it, or null (404) when it is not theirs to see. */
export function getPostView(
	db: DbOrTx,
	postId: number,
	viewerId: string,
	locale: string,
	now: number
): PostView | null {
	const row = db
		.select({
			post: posts,
			authorName: users.displayName,
			authorStatus: users.status,
			authorLocale: users.locale,
			authorLanguages: users.languages,
			categoryIcon: categories.icon,
			categoryNames: categories.names,
			neighbourhood: neighbourhoods.name
		})
		.from(posts)
		.innerJoin(users, eq(posts.authorId, users.id))
		.innerJoin(categories, eq(posts.categoryId, categories.id))
		.innerJoin(neighbourhoods, eq(posts.neighbourhoodId, neighbourhoods.id))
		.where(eq(posts.id, postId))
		.get();
	if (!row) return null;
	const p = row.post;
	const mine = p.authorId === viewerId;
	if (!mine && (PRIVATE.includes(p.status) || row.authorStatus !== 'active')) return null;
	// People in a block pair no longer see each other's posts.
	if (!mine && isBlockedPair(db, viewerId, p.authorId)) return null;
	const viewer = viewerOf(db, viewerId);
	return {
		id: p.id,
		kind: p.kind,
		status: p.status,
		mine,
		title: p.title,
		body: p.body,
		lang: writingLanguage(row.authorLanguages, row.authorLocale),
		categoryIcon: row.categoryIcon,
		categoryName: categoryName(row.categoryNames, locale),
		whenType: p.whenType,
		whenDate: p.whenDate,
		whenFrom: p.whenFrom,
		whenTo: p.whenTo,
		recurringDay: p.recurringDay,
		recurringPart: p.recurringPart,
		durationMinutes: p.durationMinutes,
		helpersNeeded: p.helpersNeeded,
		helpersLeft: Math.max(0, p.helpersNeeded - activeMatchCount(db, p.id)),
		standing: p.standing,
		placeLabel: p.placeType === 'other' ? p.placeLabel : null,
		band: viewer.point
			? distanceBand(distanceMetres(viewer.point, { lat: p.approxLat, lon: p.approxLon }))
			: null,
		posterFirstName: firstName(row.authorName),
		posterId: p.authorId,
		posterBadges: publicBadges(db, p.authorId, now)!,
		neighbourhood: row.neighbourhood,
		rejectionReason: mine ? p.rejectionReason : null
	};
}

/** The person's own posts, newest first, for "my posts". */
export function listMyPosts(db: DbOrTx, userId: string) {
	return db
		.select({
			id: posts.id,
			kind: posts.kind,
			status: posts.status,
			title: posts.title,
			createdAt: posts.createdAt,
			expiresAt: posts.expiresAt,
			timeZone: neighbourhoods.timeZone
		})
		.from(posts)
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, posts.neighbourhoodId))
		.where(eq(posts.authorId, userId))
		.orderBy(desc(posts.createdAt), desc(posts.id))
		.all();
}

/** A new visit to the list starts when the last look was longer ago than this. */
export const VISIT_GAP_MS = 30 * 60_000;
const LOOK_PRECISION_MS = 60_000;

const lastLooks = preparedOnce((db) =>
	db
		.select({ seen: users.postsSeenAt, before: users.postsSeenBefore })
		.from(users)
		.where(eq(users.id, sql.placeholder('userId')))
		.prepare()
);

/**
 * Records a look at the list and returns when the previous visit began, so "new since my last
 * visit" keeps meaning the same thing while the person pages and filters.
 */
export function recordListVisit(db: DbOrTx, userId: string, now: number): number | null {
	const row = lastLooks(db).get({ userId });
	if (!row) return null;
	if (row.seen !== null && now - row.seen < VISIT_GAP_MS) {
		// Within a visit the time of the last look only needs to be about right: a write per
		// page view would make every look at the list wait for the database's write lock.
		if (now - row.seen >= LOOK_PRECISION_MS)
			db.update(users).set({ postsSeenAt: now }).where(eq(users.id, userId)).run();
		return row.before;
	}
	db.update(users)
		.set({ postsSeenAt: now, postsSeenBefore: row.seen })
		.where(eq(users.id, userId))
		.run();
	return row.seen;
}

/** Where the map opens for someone without a place: their neighbourhood, or the first one. */
export function neighbourhoodCentre(db: DbOrTx, userId: string): { lat: number; lon: number } {
	const own = db
		.select({ lat: neighbourhoods.centreLat, lon: neighbourhoods.centreLon })
		.from(users)
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, users.neighbourhoodId))
		.where(eq(users.id, userId))
		.get();
	const any =
		own ??
		db
			.select({ lat: neighbourhoods.centreLat, lon: neighbourhoods.centreLon })
			.from(neighbourhoods)
			.orderBy(neighbourhoods.id)
			.get();
	return any ?? { lat: 51.0336, lon: 4.4853 };
}
