import Papa from 'papaparse';
import { eq } from 'drizzle-orm';
import { parseCoordinate } from '$lib/schemas/neighbourhood';
import { recordAudit } from '../audit/audit';
import type { DB } from '../db/client';
import { streets, type Street } from '../db/schema';
import { centreOf, isInside } from '../geo/boundary';
import { boundaryOf, getNeighbourhood } from './admin';

/**
 * Street import from a CSV file (header `name,lat,lon`) or a GeoJSON FeatureCollection such as
 * an OpenStreetMap export from overpass turbo. Rows are matched to existing streets by name
 * (ignoring case), so importing the same file twice changes nothing.
 */

export type ImportFormat = 'csv' | 'geojson';
export type SkipReason =
	| 'no_name'
	| 'name_too_long'
	| 'bad_coordinates'
	| 'unsupported_geometry'
	| 'outside'
	| 'duplicate';
export type ImportError =
	| 'admin_import_err_empty'
	| 'admin_import_err_csv_header'
	| 'admin_import_err_geojson'
	| 'admin_import_err_too_many';

/** One row or feature of the file; `row` is the line (CSV) or feature number (GeoJSON). */
export interface CandidateRow {
	row: number;
	name: string;
	lat: number;
	lon: number;
	unsupported?: boolean;
}

export interface ImportReport {
	format: ImportFormat;
	added: number;
	updated: number;
	skipped: { row: number; name: string; reason: SkipReason }[];
}

/** More rows than any neighbourhood has streets: a sign the wrong file was chosen. */
export const MAX_IMPORT_ROWS = 5000;
const MAX_NAME = 100;

type Parsed =
	{ ok: true; format: ImportFormat; rows: CandidateRow[] } | { ok: false; error: ImportError };

function cleanName(value: unknown): string {
	return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
}

function parseCsv(text: string): Parsed {
	const lines = Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
	const headerAt = lines.findIndex((l) => l.some((cell) => cell.trim() !== ''));
	const header = (lines[headerAt] ?? []).map((h) => h.trim().toLowerCase());
	const [nameCol, latCol, lonCol] = ['name', 'lat', 'lon'].map((h) => header.indexOf(h));
	if (nameCol === -1 || latCol === -1 || lonCol === -1)
		return { ok: false, error: 'admin_import_err_csv_header' };
	const rows: CandidateRow[] = [];
	lines.forEach((cells, i) => {
		if (i <= headerAt || cells.every((c) => c.trim() === '')) return;
		rows.push({
			row: i + 1,
			name: cleanName(cells[nameCol!]),
			lat: parseCoordinate(cells[latCol!] ?? '') ?? NaN,
			lon: parseCoordinate(cells[lonCol!] ?? '') ?? NaN
		});
	});
	return { ok: true, format: 'csv', rows };
}

type Point = { lat: number; lon: number };

function toPoint(p: unknown): Point {
	return Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number'
		? { lon: p[0], lat: p[1] }
		: { lat: NaN, lon: NaN };
}

/** A point that stands for the feature: the point itself, a line's middle corner, an area's middle. */
export function representativePoint(geometry: unknown): Point | 'unsupported' {
	const g = geometry as { type?: unknown; coordinates?: unknown } | null;
	const c = g?.coordinates;
	const middle = (line: unknown) =>
		Array.isArray(line) ? toPoint(line[Math.floor(line.length / 2)]) : toPoint(null);
	switch (g?.type) {
		case 'Point':
			return toPoint(c);
		case 'MultiPoint':
			return Array.isArray(c) ? toPoint(c[0]) : toPoint(null);
		case 'LineString':
			return middle(c);
		case 'MultiLineString': {
			// The longest part: OpenStreetMap splits streets into many short ways.
			const parts = Array.isArray(c) ? (c as unknown[]).filter(Array.isArray) : [];
			return middle(
				parts.reduce<unknown[] | null>(
					(a, b) => (!a || (b as unknown[]).length > a.length ? (b as unknown[]) : a),
					null
				)
			);
		}
		case 'Polygon':
		case 'MultiPolygon':
			try {
				return centreOf(g as Parameters<typeof centreOf>[0]);
			} catch {
				return toPoint(null);
			}
		default:
			return 'unsupported';
	}
}

function parseGeoJson(text: string): Parsed {
	let value: { type?: unknown; features?: unknown };
	try {
		value = JSON.parse(text);
	} catch {
		return { ok: false, error: 'admin_import_err_geojson' };
	}
	const features =
		value?.type === 'FeatureCollection'
			? value.features
			: value?.type === 'Feature'
				? [value]
				: null;
	if (!Array.isArray(features)) return { ok: false, error: 'admin_import_err_geojson' };
	const rows = features.map(
		(f: { properties?: { name?: unknown }; geometry?: unknown }, i): CandidateRow => {
			const point = representativePoint(f?.geometry);
			const name = cleanName(f?.properties?.name);
			return point === 'unsupported'
				? { row: i + 1, name, lat: NaN, lon: NaN, unsupported: true }
				: { row: i + 1, name, ...point };
		}
	);
	return { ok: true, format: 'geojson', rows };
}

/** Reads a CSV or GeoJSON text into rows; the format is recognised from the first character. */
export function parseStreetFile(text: string): Parsed {
	const body = text.replace(/^\uFEFF/, '').trim();
	if (!body) return { ok: false, error: 'admin_import_err_empty' };
	const parsed = body.startsWith('{') ? parseGeoJson(body) : parseCsv(body);
	if (parsed.ok && parsed.rows.length === 0) return { ok: false, error: 'admin_import_err_empty' };
	if (parsed.ok && parsed.rows.length > MAX_IMPORT_ROWS)
		return { ok: false, error: 'admin_import_err_too_many' };
	return parsed;
}

/** Why a row cannot be used, or null when it can; the first problem found is the one reported. */
function skipReason(
	r: CandidateRow,
	boundary: ReturnType<typeof boundaryOf>,
	seen: Set<string>
): SkipReason | null {
	if (!r.name) return 'no_name';
	if (r.name.length > MAX_NAME) return 'name_too_long';
	if (r.unsupported) return 'unsupported_geometry';
	if (
		!Number.isFinite(r.lat) ||
		!Number.isFinite(r.lon) ||
		Math.abs(r.lat) > 90 ||
		Math.abs(r.lon) > 180
	)
		return 'bad_coordinates';
	if (!isInside(boundary, r.lat, r.lon)) return 'outside';
	if (seen.has(r.name.toLowerCase())) return 'duplicate';
	return null;
}

/**
 * Adds new streets and moves existing ones (matched by name) in one transaction, and reports
 * each row it skipped with the reason.
 */
export function importStreets(
	db: DB,
	actorId: string,
	neighbourhoodId: number,
	text: string,
	now: number
): { ok: true; report: ImportReport } | { ok: false; error: ImportError | 'not_found' } {
	const parsed = parseStreetFile(text);
	if (!parsed.ok) return parsed;
	return db.transaction((tx) => {
		const hood = getNeighbourhood(tx, neighbourhoodId);
		if (!hood) return { ok: false, error: 'not_found' } as const;
		const boundary = boundaryOf(hood);
		const existing = new Map<string, Street>(
			tx
				.select()
				.from(streets)
				.where(eq(streets.neighbourhoodId, neighbourhoodId))
				.all()
				.map((s) => [s.name.toLowerCase(), s])
		);
		const seen = new Set<string>();
		const report: ImportReport = { format: parsed.format, added: 0, updated: 0, skipped: [] };
		for (const r of parsed.rows) {
			const key = r.name.toLowerCase();
			const reason = skipReason(r, boundary, seen);
			if (reason) {
				report.skipped.push({ row: r.row, name: r.name.slice(0, MAX_NAME), reason });
				continue;
			}
			seen.add(key);
			const match = existing.get(key);
			if (match) {
				tx.update(streets)
					.set({ name: r.name, lat: r.lat, lon: r.lon })
					.where(eq(streets.id, match.id))
					.run();
				report.updated++;
			} else {
				const street = tx
					.insert(streets)
					.values({ neighbourhoodId, name: r.name, lat: r.lat, lon: r.lon })
					.returning()
					.all()[0]!;
				existing.set(key, street);
				report.added++;
			}
		}
		recordAudit(
			tx,
			{
				actorId,
				action: 'streets.import',
				subjectType: 'neighbourhood',
				subjectId: neighbourhoodId,
				neighbourhoodId,
				detail: {
					format: report.format,
					added: report.added,
					updated: report.updated,
					skipped: report.skipped.length
				}
			},
			now
		);
		return { ok: true, report } as const;
	});
}

/**
 * The text of an uploaded file: UTF-8, or else Windows-1252, which is what Excel on Windows
 * saves CSV files in (street names such as "Ségherslaan" would otherwise be garbled).
 */
export function decodeUpload(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return new TextDecoder('windows-1252').decode(bytes);
	}
}
