import type { MultiPolygon, Polygon } from 'geojson';
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { neighbourhoods, streets } from '../db/schema';
import { isInside, parseBoundary } from '../geo/boundary';

export interface StreetChoice {
	id: number;
	name: string;
	lat: number;
	lon: number;
}

/** A neighbourhood with its streets: one <optgroup> in the street list. */
export interface StreetGroup {
	id: number;
	name: string;
	streets: StreetChoice[];
}

/** A neighbourhood's public outline, drawn on the map so people see where a pin may go. */
export interface NeighbourhoodArea {
	id: number;
	name: string;
	geometry: Polygon | MultiPolygon;
	centre: { lat: number; lon: number };
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nl');

/** Every neighbourhood's streets, neighbourhoods and streets sorted by name. */
export function listStreetGroups(db: DbOrTx): StreetGroup[] {
	const hoods = db
		.select({ id: neighbourhoods.id, name: neighbourhoods.name })
		.from(neighbourhoods)
		.all();
	const rows = db.select().from(streets).orderBy(asc(streets.name)).all();
	return hoods
		.map((h) => ({
			id: h.id,
			name: h.name,
			streets: rows
				.filter((s) => s.neighbourhoodId === h.id)
				.map((s) => ({ id: s.id, name: s.name, lat: s.lat, lon: s.lon }))
				.sort(byName)
		}))
		.filter((g) => g.streets.length > 0)
		.sort(byName);
}

/** Every neighbourhood with a readable boundary; one with a broken boundary is left out. */
export function listNeighbourhoodAreas(db: DbOrTx): NeighbourhoodArea[] {
	return db
		.select()
		.from(neighbourhoods)
		.all()
		.flatMap((n) => {
			const geometry = parseBoundary(n.boundary);
			return geometry
				? [{ id: n.id, name: n.name, geometry, centre: { lat: n.centreLat, lon: n.centreLon } }]
				: [];
		})
		.sort(byName);
}

/** The neighbourhood whose boundary holds the point, or null when it lies outside all of them. */
export function neighbourhoodAt(
	db: DbOrTx,
	lat: number,
	lon: number
): { id: number; name: string } | null {
	const area = listNeighbourhoodAreas(db).find((a) => isInside(a.geometry, lat, lon));
	return area ? { id: area.id, name: area.name } : null;
}
