import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';

/** A neighbourhood outline as the browser receives it. */
export interface MapArea {
	id: number;
	name: string;
	geometry: Polygon | MultiPolygon;
	centre: { lat: number; lon: number };
}

/** The area holding a point, or null: the same test the server makes with isInside(). */
export function areaAt<A extends MapArea>(areas: A[], lat: number, lon: number): A | null {
	return areas.find((a) => booleanPointInPolygon([lon, lat], a.geometry)) ?? null;
}
