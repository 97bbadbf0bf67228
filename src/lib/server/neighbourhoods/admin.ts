import type { MultiPolygon, Polygon, Position } from 'geojson';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { parseCoordinate, toDutySlots, type NeighbourhoodForm } from '$lib/schemas/neighbourhood';
import { recordAudit } from '../audit/audit';
import type { DB, DbOrTx } from '../db/client';
import { neighbourhoods, type Neighbourhood } from '../db/schema';
import { centreOf, parseBoundary } from '../geo/boundary';
import type { DutySlot } from './public';

/** A row of the admin's list of neighbourhoods. */
export interface NeighbourhoodSummary {
	id: number;
	slug: string;
	name: string;
	residents: number;
	brokers: number;
	streets: number;
}

/** Every neighbourhood with how many residents, brokers and streets it has. */
export function listNeighbourhoodSummaries(db: DbOrTx): NeighbourhoodSummary[] {
	return (
		db
			// The outer column is written out: drizzle would render it as a bare "id", which the
			// sub-select would read as its own table's id.
			.select({
				id: neighbourhoods.id,
				slug: neighbourhoods.slug,
				name: neighbourhoods.name,
				residents: sql<number>`(select count(*) from users u where u.neighbourhood_id = neighbourhoods.id and u.status <> 'deleted')`,
				brokers: sql<number>`(select count(*) from neighbourhood_brokers b where b.neighbourhood_id = neighbourhoods.id)`,
				streets: sql<number>`(select count(*) from streets s where s.neighbourhood_id = neighbourhoods.id)`
			})
			.from(neighbourhoods)
			.orderBy(asc(neighbourhoods.name))
			.all()
	);
}

/** One neighbourhood, or undefined. */
export function getNeighbourhood(db: DbOrTx, id: number): Neighbourhood | undefined {
	return db.select().from(neighbourhoods).where(eq(neighbourhoods.id, id)).get();
}

/** The boundary of a neighbourhood as stored (always a valid Polygon or MultiPolygon). */
export function boundaryOf(n: Pick<Neighbourhood, 'boundary'>): Polygon | MultiPolygon {
	const b = parseBoundary(n.boundary);
	if (!b) throw new Error('stored boundary is not valid GeoJSON');
	return b;
}

/** A neighbourhood as its edit form shows it. */
export function toNeighbourhoodForm(n: Neighbourhood): NeighbourhoodForm {
	const hours = JSON.parse(n.phoneDutyHours) as DutySlot[];
	return {
		name: n.name,
		slug: n.slug,
		boundary: n.boundary,
		centreLat: String(n.centreLat),
		centreLon: String(n.centreLon),
		timeZone: n.timeZone,
		phoneDutyNumber: n.phoneDutyNumber,
		dutyDay: hours.map((h) => String(h.day)),
		dutyFrom: hours.map((h) => h.from),
		dutyTo: hours.map((h) => h.to),
		followUpDelayDays: n.followUpDelayDays,
		certificateValidityYears: n.certificateValidityYears,
		requestExpiryDays: n.requestExpiryDays
	};
}

/** A readable, URL-safe name: "Oud-Oefenplein en Vuurkruisenplein" → "oud-oefenplein-en-vuurkruisenplein". */
export function slugify(name: string): string {
	const slug = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 50)
		.replace(/-+$/, '');
	return slug || 'buurt';
}

function slugTaken(db: DbOrTx, slug: string, exceptId: number | null): boolean {
	const where =
		exceptId === null
			? eq(neighbourhoods.slug, slug)
			: and(eq(neighbourhoods.slug, slug), ne(neighbourhoods.id, exceptId));
	return db.select({ id: neighbourhoods.id }).from(neighbourhoods).where(where).get() !== undefined;
}

/** The slug made from the name, with "-2", "-3", … when another neighbourhood has it. */
function freeSlug(db: DbOrTx, name: string, exceptId: number | null): string {
	const base = slugify(name);
	let slug = base;
	for (let n = 2; slugTaken(db, slug, exceptId); n++) slug = `${base}-${n}`;
	return slug;
}

/** Closes rings that were pasted or drawn without repeating the first corner. */
function closeRings(b: Polygon | MultiPolygon): Polygon | MultiPolygon {
	const close = (ring: Position[]) => {
		const [first, last] = [ring[0]!, ring[ring.length - 1]!];
		return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
	};
	return b.type === 'Polygon'
		? { type: 'Polygon', coordinates: b.coordinates.map(close) }
		: { type: 'MultiPolygon', coordinates: b.coordinates.map((p) => p.map(close)) };
}

type Field = 'boundary' | 'slug';
export type Problems = Partial<Record<Field, string>>;
export type SaveResult = { ok: true; id: number; slug: string } | { ok: false; errors: Problems };

/**
 * What the form schema cannot check: whether the text is a GeoJSON boundary and whether a typed
 * slug is free. Field name → message key. Routes call it even when the schema found other
 * mistakes, so every mistake is shown at once.
 */
export function neighbourhoodProblems(
	db: DbOrTx,
	form: Pick<NeighbourhoodForm, 'boundary' | 'slug'>,
	exceptId: number | null
): Problems {
	const errors: Problems = {};
	if (form.boundary && !parseBoundary(form.boundary))
		errors.boundary = 'admin_err_boundary_invalid';
	if (form.slug && slugTaken(db, form.slug, exceptId)) errors.slug = 'admin_err_slug_taken';
	return errors;
}

/** Builds the row from a valid form, or says what is wrong with it. */
function toRow(db: DbOrTx, form: NeighbourhoodForm, exceptId: number | null) {
	const errors = neighbourhoodProblems(db, form, exceptId);
	const parsed = parseBoundary(form.boundary);
	if (!parsed || Object.keys(errors).length)
		return {
			ok: false as const,
			errors: parsed ? errors : { ...errors, boundary: 'admin_err_boundary_invalid' }
		};
	const slug = form.slug || freeSlug(db, form.name, exceptId);
	const boundary = closeRings(parsed);
	const lat = parseCoordinate(form.centreLat);
	const lon = parseCoordinate(form.centreLon);
	// Six decimals is about 10 cm: enough for a map centre, and readable in the form.
	const round = (n: number) => Math.round(n * 1e6) / 1e6;
	const middle = centreOf(boundary);
	const centre =
		lat !== null && lon !== null
			? { lat, lon }
			: { lat: round(middle.lat), lon: round(middle.lon) };
	return {
		ok: true as const,
		row: {
			name: form.name,
			slug,
			boundary: JSON.stringify(boundary),
			centreLat: centre.lat,
			centreLon: centre.lon,
			timeZone: form.timeZone,
			phoneDutyNumber: form.phoneDutyNumber,
			phoneDutyHours: JSON.stringify(toDutySlots(form)),
			followUpDelayDays: form.followUpDelayDays,
			certificateValidityYears: form.certificateValidityYears,
			requestExpiryDays: form.requestExpiryDays
		}
	};
}

/** Creates a neighbourhood from a valid form; the GeoJSON and slug are checked here. */
export function createNeighbourhood(
	db: DB,
	actorId: string,
	form: NeighbourhoodForm,
	now: number
): SaveResult {
	return db.transaction((tx) => {
		const built = toRow(tx, form, null);
		if (!built.ok) return built;
		const created = tx
			.insert(neighbourhoods)
			.values({ ...built.row, createdAt: now })
			.returning({ id: neighbourhoods.id })
			.all()[0]!;
		recordAudit(
			tx,
			{
				actorId,
				action: 'neighbourhood.create',
				subjectType: 'neighbourhood',
				subjectId: created.id,
				neighbourhoodId: created.id,
				detail: { name: form.name }
			},
			now
		);
		return { ok: true, id: created.id, slug: built.row.slug };
	});
}

/** Saves changes to a neighbourhood; undefined when it does not exist. */
export function updateNeighbourhood(
	db: DB,
	actorId: string,
	id: number,
	form: NeighbourhoodForm,
	now: number
): SaveResult | undefined {
	return db.transaction((tx) => {
		const before = getNeighbourhood(tx, id);
		if (!before) return undefined;
		const built = toRow(tx, form, id);
		if (!built.ok) return built;
		tx.update(neighbourhoods).set(built.row).where(eq(neighbourhoods.id, id)).run();
		const changed = (Object.keys(built.row) as (keyof typeof built.row)[]).filter(
			(k) => before[k] !== built.row[k]
		);
		recordAudit(
			tx,
			{
				actorId,
				action: 'neighbourhood.update',
				subjectType: 'neighbourhood',
				subjectId: id,
				neighbourhoodId: id,
				detail: { changed }
			},
			now
		);
		return { ok: true, id, slug: built.row.slug };
	});
}

/** The IANA time zones to choose from, with the current one even if the runtime lacks it. */
export function timeZoneChoices(current: string): string[] {
	const zones = Intl.supportedValuesOf('timeZone');
	return zones.includes(current) ? zones : [...zones, current].sort();
}

/** Brussels: where a map opens when no neighbourhood exists yet. */
const FALLBACK_CENTRE = { lat: 50.8467, lon: 4.3525 };

/** Where a map for a new neighbourhood opens: near the first one there is, since most will be close. */
export function defaultMapCentre(db: DbOrTx): { lat: number; lon: number } {
	const first = db
		.select({ lat: neighbourhoods.centreLat, lon: neighbourhoods.centreLon })
		.from(neighbourhoods)
		.orderBy(asc(neighbourhoods.id))
		.get();
	return first ?? FALLBACK_CENTRE;
}
