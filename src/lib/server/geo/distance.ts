import { and, between, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { BANDS, type Band } from '$lib/posts/choices';

/**
 * Distances between points in one neighbourhood, as an equirectangular estimate: a degree of
 * latitude is always about 111 km, a degree of longitude shorter by the cosine of the latitude.
 * Exact enough within a city, and simple enough for SQLite to compute in a query.
 */
const M_PER_DEGREE = 111_320;

export interface Point {
	lat: number;
	lon: number;
}

/** How much shorter a degree of longitude is than one of latitude, at this latitude. */
function lonScale(lat: number): number {
	return Math.cos(lat * (Math.PI / 180));
}

/** Metres between two points. */
export function distanceMetres(a: Point, b: Point): number {
	const x = (b.lon - a.lon) * lonScale((a.lat + b.lat) / 2);
	const y = b.lat - a.lat;
	return Math.sqrt(x * x + y * y) * M_PER_DEGREE;
}

/** The band a distance falls in: what people see instead of metres to a door. */
export function distanceBand(metres: number): Band {
	return BANDS.find((b) => metres < b) ?? 'far';
}

/** The points' columns in a table, for the SQL below. */
export interface PointColumns {
	lat: AnyColumn;
	lon: AnyColumn;
}

/** The squared distance in degrees of latitude from a point to the row's point: orders by nearness. */
export function squaredDegreesSql(columns: PointColumns, point: Point): SQL {
	const { lat, lon } = point;
	const cos = lonScale(lat);
	return sql`((${columns.lat} - ${lat}) * (${columns.lat} - ${lat}) + (${columns.lon} - ${lon}) * ${cos} * (${columns.lon} - ${lon}) * ${cos})`;
}

/** Rows whose point lies within this many metres of a point. */
export function withinMetresSql(columns: PointColumns, point: Point, metres: number): SQL {
	const dLat = metres / M_PER_DEGREE;
	const dLon = dLat / lonScale(point.lat);
	// A bounding box the index can use, then the circle inside it.
	return and(
		between(columns.lat, point.lat - dLat, point.lat + dLat),
		between(columns.lon, point.lon - dLon, point.lon + dLon),
		sql`${squaredDegreesSql(columns, point)} < ${dLat * dLat}`
	)!;
}
