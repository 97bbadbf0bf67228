import { and, count, desc, eq, gte, lt, not, or, sql, type SQL } from 'drizzle-orm';
import { localDate, localInstant, shiftDate, weekdayOf } from '../calendar';
import {
	BANDS,
	DATE_FILTERS,
	POST_KINDS,
	SORTS,
	type Band,
	type DateFilter,
	type ListSort,
	type PostKind,
	type WhenType
} from '$lib/posts/choices';
import type { DayPart } from '$lib/day-parts';
import { preparedOnce, type DbOrTx } from '../db/client';
import { categories, neighbourhoods, posts, userCategories, users } from '../db/schema';
import type { PublicBadges } from '$lib/trust/badges';
import { writingLanguage } from '$lib/profile/languages';
import { categoryName } from '../categories/pilot';
import { publicBadgesOf } from '../trust/badges';
import { distanceBand, distanceMetres, squaredDegreesSql, withinMetresSql } from '../geo/distance';

/** A post's public, approximate point. */
const POST_POINT = { lat: posts.approxLat, lon: posts.approxLon };

/** Posts per page of the list. */
export const PAGE_SIZE = 20;

/** The list's filters, as they travel in the URL (so a filtered list can be bookmarked). */
export interface ListFilters {
	kind: PostKind | null;
	categoryId: number | null;
	date: DateFilter | null;
	/** Only posts within this many metres of the viewer. */
	within: (typeof BANDS)[number] | null;
	/** Only posts published since the viewer's previous visit to the list. */
	newOnly: boolean;
	/** "relevance": my categories and nearest first; "newest": newest first. */
	sort: ListSort;
	page: number;
}

/** Reads the filters from a query string; anything unknown means "no filter". */
export function parseFilters(q: URLSearchParams): ListFilters {
	const pick = <T extends string | number>(all: readonly T[], v: T | null) =>
		v !== null && all.includes(v) ? v : null;
	const category = Number(q.get('category'));
	const page = Number(q.get('page'));
	return {
		kind: pick(POST_KINDS, q.get('kind') as PostKind | null),
		categoryId: Number.isInteger(category) && category > 0 ? category : null,
		date: pick(DATE_FILTERS, q.get('date') as DateFilter | null),
		within: pick(BANDS, q.has('within') ? (Number(q.get('within')) as 500) : null),
		newOnly: q.get('new') === '1',
		sort: pick(SORTS, q.get('sort') as ListSort | null) ?? 'relevance',
		page: Number.isInteger(page) && page > 1 && page < 10_000 ? page : 1
	};
}

/** The same filters as a query string, for links to other pages. */
export function filtersQuery(f: ListFilters, page: number): string {
	const q = new URLSearchParams();
	if (f.kind) q.set('kind', f.kind);
	if (f.categoryId) q.set('category', String(f.categoryId));
	if (f.date) q.set('date', f.date);
	if (f.within) q.set('within', String(f.within));
	if (f.newOnly) q.set('new', '1');
	if (f.sort !== 'relevance') q.set('sort', f.sort);
	if (page > 1) q.set('page', String(page));
	const s = q.toString();
	return s ? `?${s}` : '';
}

/** One card of the list: public facts only, never a point or an address. */
export interface PostCard {
	id: number;
	kind: PostKind;
	title: string;
	/** The author's language, for `lang` on what they wrote. */
	lang: string;
	publishedAt: number | null;
	categoryIcon: string;
	categoryName: string;
	whenType: WhenType;
	whenDate: string | null;
	whenFrom: string | null;
	whenTo: string | null;
	recurringDay: number | null;
	recurringPart: DayPart | null;
	band: Band | null;
	neighbourhood: string;
	/** 'broker' when a broker placed it for the author, 'proxy' for a carer, else null. */
	placedBy: 'broker' | 'proxy' | null;
	/** The author's public trust: granted badges (no notes) and earned ones. */
	badges: PublicBadges;
}

export interface Viewer {
	/** Who is looking, so people in a block pair do not see each other's posts. */
	id?: string;
	/** False when the viewer is in no block pair at all: then the list need not check each post. */
	hasBlocks?: boolean;
	/** When they last looked at the list before this visit, for "new since my last visit". */
	seenBefore?: number | null;
	/** The viewer's own exact point, or null without a place in the profile. */
	point: { lat: number; lon: number } | null;
	timeZone: string;
}

function dateCondition(date: DateFilter, now: number, timeZone: string): SQL | undefined {
	if (date === 'flexible') return eq(posts.whenType, 'flexible');
	const today = localDate(now, timeZone);
	const start = localInstant(today, '00:00', timeZone);
	const end = localInstant(shiftDate(today, date === 'today' ? 1 : 7), '00:00', timeZone);
	const dated = and(gte(posts.startsAt, start), lt(posts.startsAt, end));
	// Something every week happens this week; today only on its own weekday.
	const weekly =
		date === 'today'
			? and(eq(posts.whenType, 'recurring'), eq(posts.recurringDay, weekdayOf(today)))
			: eq(posts.whenType, 'recurring');
	return or(dated, weekly);
}

/** The list's filters as SQL conditions on open posts; shared by the list and the map. */
export function openPostConditions(
	f: ListFilters,
	viewer: Viewer,
	now: number
): (SQL | undefined)[] {
	// No check of the author's account here: suspending or deleting a person takes their posts
	// out of 'open' (privacy/delete.ts, the broker's suspension), so the list stays one index.
	return [
		eq(posts.status, 'open'),
		f.kind ? eq(posts.kind, f.kind) : undefined,
		f.categoryId ? eq(posts.categoryId, f.categoryId) : undefined,
		f.date ? dateCondition(f.date, now, viewer.timeZone) : undefined,
		f.within && viewer.point ? withinMetresSql(POST_POINT, viewer.point, f.within) : undefined,
		f.newOnly && viewer.seenBefore ? gte(posts.publishedAt, viewer.seenBefore) : undefined,
		viewer.id && viewer.hasBlocks !== false
			? sql`not exists (select 1 from blocks b where
				(b.blocker_id = ${viewer.id} and b.blocked_id = ${posts.authorId})
				or (b.blocker_id = ${posts.authorId} and b.blocked_id = ${viewer.id}))`
			: undefined
	];
}

const categoriesOf = preparedOnce((db) =>
	db
		.select({ id: userCategories.categoryId })
		.from(userCategories)
		.where(eq(userCategories.userId, sql.placeholder('userId')))
		.prepare()
);

/** Nearest first (by the public points), then newest; newest only without a place. */
function nearThenNewest(viewer: Viewer): SQL[] {
	const newest = [desc(posts.publishedAt), desc(posts.id)];
	if (!viewer.point) return newest;
	return [squaredDegreesSql(POST_POINT, viewer.point), ...newest];
}

/**
 * The ids of one page (and one more, to know whether a next page exists) in the chosen order.
 * Relevance: posts in the categories the viewer helps with first, then the others; within each,
 * the nearest first, then the newest. The two groups are read one after the other, so the
 * first pages of someone with categories sort only the posts in those categories (a few
 * hundred, from the index), not every open post; the second group is read only when the first
 * runs out on this page.
 */
function pageIds(db: DbOrTx, f: ListFilters, viewer: Viewer, conditions: (SQL | undefined)[]) {
	const want = PAGE_SIZE + 1;
	const skip = (f.page - 1) * PAGE_SIZE;
	const read = (where: SQL | undefined, order: SQL[], limit: number, offset: number) =>
		db
			.select({ id: posts.id })
			.from(posts)
			.where(and(...conditions, where))
			.orderBy(...order)
			.limit(limit)
			.offset(offset)
			.all()
			.map((r) => r.id);
	if (f.sort === 'newest' || !viewer.id)
		return read(undefined, [desc(posts.publishedAt), desc(posts.id)], want, skip);
	const liked = JSON.stringify(
		categoriesOf(db)
			.all({ userId: viewer.id })
			.map((c) => c.id)
	);
	const order = nearThenNewest(viewer);
	if (liked === '[]') return read(undefined, order, want, skip);
	const mine = sql`${posts.categoryId} in (select value from json_each(${liked}))`;
	const first = read(mine, order, want, skip);
	if (first.length === want) return first;
	// The viewer's categories run out on this page: the other posts follow, as many as needed.
	const mineCount =
		first.length > 0
			? skip + first.length
			: (db
					.select({ n: count() })
					.from(posts)
					.where(and(...conditions, mine))
					.get()?.n ?? 0);
	const rest = read(not(mine), order, want - first.length, Math.max(0, skip - mineCount));
	return [...first, ...rest];
}

/** The columns that say when a post is for, as `whenText` reads them (cards and markers). */
export const whenColumns = {
	whenType: posts.whenType,
	whenDate: posts.whenDate,
	whenFrom: posts.whenFrom,
	whenTo: posts.whenTo,
	recurringDay: posts.recurringDay,
	recurringPart: posts.recurringPart
};

/** Who placed a post for its author: a broker (or admin), a carer, or nobody. */
export const placedByExpr = sql<
	'broker' | 'proxy' | null
>`(select case when u.role in ('broker', 'admin') then 'broker' else 'proxy' end from users u where u.id = ${posts.placedById})`;

// The page's cards by id; the ids travel as one JSON list, so the query is prepared once.
const cardsOf = preparedOnce((db) =>
	db
		.select({
			id: posts.id,
			kind: posts.kind,
			title: posts.title,
			authorLocale: users.locale,
			authorLanguages: users.languages,
			authorId: posts.authorId,
			publishedAt: posts.publishedAt,
			...whenColumns,
			approxLat: posts.approxLat,
			approxLon: posts.approxLon,
			categoryIcon: categories.icon,
			categoryNames: categories.names,
			neighbourhood: neighbourhoods.name,
			placedBy: placedByExpr
		})
		.from(posts)
		.innerJoin(categories, eq(posts.categoryId, categories.id))
		.innerJoin(neighbourhoods, eq(posts.neighbourhoodId, neighbourhoods.id))
		.innerJoin(users, eq(posts.authorId, users.id))
		.where(sql`${posts.id} in (select value from json_each(${sql.placeholder('ids')}))`)
		.prepare()
);

/** One page of open posts in the chosen order, with the filters applied in SQL. */
export function listOpenPosts(
	db: DbOrTx,
	f: ListFilters,
	viewer: Viewer,
	now: number,
	locale: string
): { items: PostCard[]; page: number; hasNext: boolean } {
	// Sort only ids first, then read the cards of the one page: the sorter stays small.
	const ids = pageIds(db, f, viewer, openPostConditions(f, viewer, now));
	if (ids.length === 0) return { page: f.page, hasNext: false, items: [] };
	// One id more than a page was asked for only to know whether a next page exists.
	const shown = ids.slice(0, PAGE_SIZE);
	const order = new Map(shown.map((id, i) => [id, i]));
	const rows = cardsOf(db)
		.all({ ids: JSON.stringify(shown) })
		.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
	// One query per fact for the whole page, not per card.
	const badges = publicBadgesOf(
		db,
		rows.map((r) => r.authorId),
		now
	);
	return {
		page: f.page,
		hasNext: ids.length > PAGE_SIZE,
		items: rows.map(
			({ approxLat, approxLon, categoryNames, authorId, authorLocale, authorLanguages, ...r }) => ({
				...r,
				lang: writingLanguage(authorLanguages, authorLocale),
				badges: badges.get(authorId)!,
				categoryName: categoryName(categoryNames, locale),
				band: viewer.point
					? distanceBand(distanceMetres(viewer.point, { lat: approxLat, lon: approxLon }))
					: null
			})
		)
	};
}
