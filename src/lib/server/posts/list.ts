import { TZDate } from '@date-fns/tz';
import { addDays, getISODay, startOfDay } from 'date-fns';
import { and, between, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import { BANDS, KINDS, type Band } from '$lib/posts/choices';
import type { DbOrTx } from '../db/client';
import {
	categories,
	neighbourhoods,
	posts,
	users,
	type DayPart,
	type PostKind,
	type WhenType
} from '../db/schema';
import { categoryName } from '../categories/pilot';

/** Posts per page of the list. */
export const PAGE_SIZE = 20;
const DATE_FILTERS = ['today', 'week', 'flexible'] as const;
export type DateFilter = (typeof DATE_FILTERS)[number];

/** The list's filters, as they travel in the URL (so a filtered list can be bookmarked). */
export interface ListFilters {
	kind: PostKind | null;
	categoryId: number | null;
	date: DateFilter | null;
	/** Only posts within this many metres of the viewer. */
	within: (typeof BANDS)[number] | null;
	page: number;
}

/** Reads the filters from a query string; anything unknown means "no filter". */
export function parseFilters(q: URLSearchParams): ListFilters {
	const pick = <T extends string | number>(all: readonly T[], v: T | null) =>
		v !== null && all.includes(v) ? v : null;
	const category = Number(q.get('category'));
	const page = Number(q.get('page'));
	return {
		kind: pick(KINDS, q.get('kind') as PostKind | null),
		categoryId: Number.isInteger(category) && category > 0 ? category : null,
		date: pick(DATE_FILTERS, q.get('date') as DateFilter | null),
		within: pick(BANDS, q.has('within') ? (Number(q.get('within')) as 500) : null),
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
	if (page > 1) q.set('page', String(page));
	const s = q.toString();
	return s ? `?${s}` : '';
}

const M_PER_DEGREE = 111_320;

/** Metres between two points; an equirectangular estimate, exact enough within a city. */
export function distanceMetres(
	a: { lat: number; lon: number },
	b: { lat: number; lon: number }
): number {
	const x = (b.lon - a.lon) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
	const y = b.lat - a.lat;
	return Math.sqrt(x * x + y * y) * M_PER_DEGREE;
}

/** The band a distance falls in: what people see instead of metres to a door. */
export function distanceBand(metres: number): Band {
	return BANDS.find((b) => metres < b) ?? 'far';
}

/** One card of the list: public facts only, never a point or an address. */
export interface PostCard {
	id: number;
	kind: PostKind;
	title: string;
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
}

export interface Viewer {
	/** The viewer's own exact point, or null without a place in the profile. */
	point: { lat: number; lon: number } | null;
	timeZone: string;
}

function dateCondition(date: DateFilter, now: number, timeZone: string): SQL | undefined {
	if (date === 'flexible') return eq(posts.whenType, 'flexible');
	const today = startOfDay(new TZDate(now, timeZone));
	const end = addDays(today, date === 'today' ? 1 : 7).getTime();
	const dated = and(gte(posts.startsAt, today.getTime()), lt(posts.startsAt, end));
	// Something every week happens this week; today only on its own weekday.
	const weekly =
		date === 'today'
			? and(eq(posts.whenType, 'recurring'), eq(posts.recurringDay, getISODay(today)))
			: eq(posts.whenType, 'recurring');
	return or(dated, weekly);
}

function distanceCondition(point: { lat: number; lon: number }, metres: number): SQL {
	const dLat = metres / M_PER_DEGREE;
	const cos = Math.cos(point.lat * (Math.PI / 180));
	const dLon = dLat / cos;
	// A bounding box the index can use, then the circle inside it.
	return and(
		between(posts.approxLat, point.lat - dLat, point.lat + dLat),
		between(posts.approxLon, point.lon - dLon, point.lon + dLon),
		sql`((${posts.approxLat} - ${point.lat}) * (${posts.approxLat} - ${point.lat}) + (${posts.approxLon} - ${point.lon}) * ${cos} * (${posts.approxLon} - ${point.lon}) * ${cos}) < ${dLat * dLat}`
	)!;
}

/** Who placed a post for its author: a broker (or admin), a carer, or nobody. */
export const placedByExpr = sql<
	'broker' | 'proxy' | null
>`(select case when u.role in ('broker', 'admin') then 'broker' else 'proxy' end from users u where u.id = ${posts.placedById})`;

/** One page of open posts, newest first, with the filters applied in SQL. */
export function listOpenPosts(
	db: DbOrTx,
	f: ListFilters,
	viewer: Viewer,
	now: number,
	locale: string
): { items: PostCard[]; page: number; hasNext: boolean } {
	const conditions = [
		eq(posts.status, 'open'),
		eq(users.status, 'active'),
		f.kind ? eq(posts.kind, f.kind) : undefined,
		f.categoryId ? eq(posts.categoryId, f.categoryId) : undefined,
		f.date ? dateCondition(f.date, now, viewer.timeZone) : undefined,
		f.within && viewer.point ? distanceCondition(viewer.point, f.within) : undefined
	];
	const rows = db
		.select({
			id: posts.id,
			kind: posts.kind,
			title: posts.title,
			whenType: posts.whenType,
			whenDate: posts.whenDate,
			whenFrom: posts.whenFrom,
			whenTo: posts.whenTo,
			recurringDay: posts.recurringDay,
			recurringPart: posts.recurringPart,
			approxLat: posts.approxLat,
			approxLon: posts.approxLon,
			categoryIcon: categories.icon,
			categoryNames: categories.names,
			neighbourhood: neighbourhoods.name,
			placedBy: placedByExpr
		})
		.from(posts)
		.innerJoin(users, eq(posts.authorId, users.id))
		.innerJoin(categories, eq(posts.categoryId, categories.id))
		.innerJoin(neighbourhoods, eq(posts.neighbourhoodId, neighbourhoods.id))
		.where(and(...conditions))
		.orderBy(desc(posts.publishedAt), desc(posts.id))
		.limit(PAGE_SIZE + 1)
		.offset((f.page - 1) * PAGE_SIZE)
		.all();
	return {
		page: f.page,
		hasNext: rows.length > PAGE_SIZE,
		items: rows.slice(0, PAGE_SIZE).map(({ approxLat, approxLon, categoryNames, ...r }) => ({
			...r,
			categoryName: categoryName(categoryNames, locale),
			band: viewer.point
				? distanceBand(distanceMetres(viewer.point, { lat: approxLat, lon: approxLon }))
				: null
		}))
	};
}
