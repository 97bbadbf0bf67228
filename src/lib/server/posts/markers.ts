import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Band, PostKind } from '$lib/posts/choices';
import { preparedOnce, type DbOrTx } from '../db/client';
import { categories, posts } from '../db/schema';
import { categoryName } from '../categories/pilot';
import { distanceBand, distanceMetres } from '../geo/distance';
import { openPostConditions, whenColumns, type ListFilters, type Viewer } from './list';

/** From this zoom on, every post is its own marker; below it, nearby posts are counted together. */
export const SINGLE_MARKERS_FROM_ZOOM = 16;
/** At most this many single markers in one answer; with more, even close up they are grouped. */
export const MAX_MARKERS = 250;

const coordinate = (max: number) => z.coerce.number().min(-max).max(max);

/** `bbox=minLon,minLat,maxLon,maxLat&zoom=Z`, as Leaflet gives them. Messages are for developers. */
export const viewportSchema = z
	.object({
		bbox: z.preprocess(
			(v) => (typeof v === 'string' ? v.split(',') : v),
			z.tuple([coordinate(180), coordinate(90), coordinate(180), coordinate(90)])
		),
		zoom: z.coerce.number().int().min(0).max(22)
	})
	.refine((v) => v.bbox[0] < v.bbox[2] && v.bbox[1] < v.bbox[3], {
		message: 'bbox must be minLon,minLat,maxLon,maxLat with min < max',
		path: ['bbox']
	});
export type Viewport = z.infer<typeof viewportSchema>;

/** A single post on the map: its public, approximate point and what its card shows. */
export interface PostMarker {
	type: 'post';
	id: number;
	kind: PostKind;
	lat: number;
	lon: number;
	title: string;
	category: string;
	icon: string;
	band: Band | null;
	whenType: string;
	whenDate?: string;
	whenFrom?: string;
	whenTo?: string;
	recurringDay?: number;
	recurringPart?: string;
}

/** Several posts close together at this zoom: a count on the map. */
export interface ClusterMarker {
	type: 'cluster';
	lat: number;
	lon: number;
	count: number;
	requests: number;
	offers: number;
}

export type Marker = PostMarker | ClusterMarker;

// What a single marker's card shows, for the posts by id; the ids travel as one JSON list, so
// the query keeps one shape and is prepared once, and only the columns a card needs are read.
const markerDetails = preparedOnce((db) =>
	db
		.select({
			id: posts.id,
			kind: posts.kind,
			lat: posts.approxLat,
			lon: posts.approxLon,
			title: posts.title,
			...whenColumns,
			icon: categories.icon,
			names: categories.names
		})
		.from(posts)
		.innerJoin(categories, eq(categories.id, posts.categoryId))
		.where(sql`${posts.id} in (select value from json_each(${sql.placeholder('ids')}))`)
		.prepare()
);

/**
 * What is visible in the viewport. Posts are grouped on a grid whose cells are about a
 * sixth of a 256-pixel tile at this zoom; a cell with one post becomes a post marker. Only
 * approximate points (H3 cell centres) are ever read, never the exact ones.
 */
export function markersIn(
	db: DbOrTx,
	viewport: Viewport,
	f: ListFilters,
	viewer: Viewer,
	now: number,
	locale: string
): Marker[] {
	const [minLon, minLat, maxLon, maxLat] = viewport.bbox;
	const where = and(
		...openPostConditions(f, viewer, now),
		sql`${posts.approxLat} between ${minLat} and ${maxLat}`,
		sql`${posts.approxLon} between ${minLon} and ${maxLon}`
	);
	// Posts share points (H3 cell centres), so SQLite counts per point straight from the index,
	// in its order, without sorting; the few points are then put together per grid cell here.
	const grouped = (cell: number) => {
		const points = db
			.select({
				id: sql<number>`min(${posts.id})`,
				count: sql<number>`count(*)`,
				requests: sql<number>`sum(${posts.kind} = 'request')`,
				lat: posts.approxLat,
				lon: posts.approxLon
			})
			.from(posts)
			.where(where)
			.groupBy(posts.approxLat, posts.approxLon)
			.all();
		const cells = new Map<string, (typeof points)[number]>();
		for (const p of points) {
			const key = `${Math.floor(p.lat / cell)},${Math.floor(p.lon / cell)}`;
			const c = cells.get(key);
			if (!c) {
				cells.set(key, { ...p });
				continue;
			}
			// The cell's point is the average of its posts' points.
			c.lat = (c.lat * c.count + p.lat * p.count) / (c.count + p.count);
			c.lon = (c.lon * c.count + p.lon * p.count) / (c.count + p.count);
			c.id = Math.min(c.id, p.id);
			c.count += p.count;
			c.requests += p.requests;
		}
		return [...cells.values()];
	};
	const tile = 360 / 2 ** viewport.zoom;
	let groups =
		viewport.zoom >= SINGLE_MARKERS_FROM_ZOOM
			? db
					.select({
						id: posts.id,
						count: sql<number>`1`,
						requests: sql<number>`0`,
						lat: posts.approxLat,
						lon: posts.approxLon
					})
					.from(posts)
					.where(where)
					.limit(MAX_MARKERS + 1)
					.all()
			: grouped(tile / 6);
	// Too many to show one by one, even close up: group them in smaller cells than usual.
	if (groups.length > MAX_MARKERS && viewport.zoom >= SINGLE_MARKERS_FROM_ZOOM)
		groups = grouped(tile / 12);
	const singles = groups.filter((g) => g.count === 1).map((g) => g.id);
	const details = new Map(
		(singles.length ? markerDetails(db).all({ ids: JSON.stringify(singles) }) : []).map((r) => [
			r.id,
			r
		])
	);
	return groups.map((g): Marker => {
		const p = g.count === 1 ? details.get(g.id) : undefined;
		if (!p)
			return {
				type: 'cluster',
				lat: round(g.lat),
				lon: round(g.lon),
				count: g.count,
				requests: g.requests,
				offers: g.count - g.requests
			};
		return {
			type: 'post',
			id: p.id,
			kind: p.kind,
			lat: p.lat,
			lon: p.lon,
			title: p.title,
			category: categoryName(p.names, locale),
			icon: p.icon,
			band: viewer.point ? distanceBand(distanceMetres(viewer.point, p)) : null,
			whenType: p.whenType,
			// Empty fields are left out: the answer stays small with hundreds of markers.
			whenDate: p.whenDate ?? undefined,
			whenFrom: p.whenFrom ?? undefined,
			whenTo: p.whenTo ?? undefined,
			recurringDay: p.recurringDay ?? undefined,
			recurringPart: p.recurringPart ?? undefined
		};
	});
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
