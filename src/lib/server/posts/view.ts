import { eq } from 'drizzle-orm';
import type { Band, PostKind, WhenType } from '$lib/posts/choices';
import type { PostStatus } from '$lib/posts/statuses';
import type { DayPart } from '$lib/day-parts';
import type { DbOrTx } from '../db/client';
import { categories, neighbourhoods, posts, users } from '../db/schema';
import { writingLanguage } from '$lib/profile/languages';
import { categoryName } from '../categories/pilot';
import { firstName } from '../profile/public';
import { activeMatchCount } from './lifecycle';
import { isBlockedPair } from './responses';
import type { PublicBadges } from '$lib/trust/badges';
import { publicBadges } from '../trust/badges';
import { distanceBand, distanceMetres } from '../geo/distance';
import { viewerOf } from './viewer';

/** Statuses only the author sees: not (yet, or no longer) accepted for the neighbourhood. */
const PRIVATE: PostStatus[] = ['draft', 'pending', 'rejected', 'hidden'];

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
