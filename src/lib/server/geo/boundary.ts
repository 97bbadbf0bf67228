import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';

const position = z
	.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
	.rest(z.number());
const ring = z.array(position).min(4);
const polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) });
const multiPolygon = z.object({
	type: z.literal('MultiPolygon'),
	coordinates: z.array(z.array(ring).min(1)).min(1)
});
const geometry = z.discriminatedUnion('type', [polygon, multiPolygon]);

/** Accepts a Polygon/MultiPolygon geometry, a Feature of one, or a FeatureCollection's first feature. */
export function parseBoundary(text: string): Polygon | MultiPolygon | null {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return null;
	}
	const v = value as { type?: string; geometry?: unknown; features?: { geometry?: unknown }[] };
	const candidate =
		v?.type === 'Feature'
			? v.geometry
			: v?.type === 'FeatureCollection'
				? v.features?.[0]?.geometry
				: value;
	const parsed = geometry.safeParse(candidate);
	return parsed.success ? (parsed.data as Polygon | MultiPolygon) : null;
}

/** True when the point lies inside the boundary. */
export function isInside(boundary: Polygon | MultiPolygon, lat: number, lon: number): boolean {
	return booleanPointInPolygon([lon, lat], boundary);
}

/** The average of a boundary's outer ring: a sensible default centre for the map. */
export function centreOf(boundary: Polygon | MultiPolygon): { lat: number; lon: number } {
	const outer =
		boundary.type === 'Polygon' ? boundary.coordinates[0]! : boundary.coordinates[0]![0]!;
	const pts = outer.slice(0, -1);
	const lon = pts.reduce((s, p) => s + p[0]!, 0) / pts.length;
	const lat = pts.reduce((s, p) => s + p[1]!, 0) / pts.length;
	return { lat, lon };
}
