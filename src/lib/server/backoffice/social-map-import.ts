import Papa from 'papaparse';
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import type { DB, DbOrTx } from '../db/client';
import { services, type Service } from '../db/schema';
import { parseOpeningHours, type OpeningSlot } from '../broker/social-map';

/**
 * Importing a neighbourhood's social map from a CSV export (e.g. De Sociale Kaart): read, show
 * what would change, then apply it in one transaction. A row is matched to a service by the
 * export's id (`services.source_id`), else by its name; importing the same file twice changes
 * nothing the second time. Services the file no longer has are removed only when asked.
 */

export const MAX_IMPORT_BYTES = 300_000;
export const MAX_IMPORT_ROWS = 1000;

const FIELDS = [
	'sourceId',
	'name',
	'description',
	'kind',
	'phone',
	'address',
	'website',
	'hours'
] as const;
type Field = (typeof FIELDS)[number];
/** Column names as exports write them, in the site's languages. */
const ALIASES: Record<Field, string[]> = {
	sourceId: ['id', 'source_id', 'sourceid', 'nummer', 'numéro'],
	name: ['name', 'naam', 'nom', 'organisatie', 'organisation', 'dienst'],
	description: ['description', 'beschrijving', 'omschrijving', 'wat', 'aanbod'],
	kind: ['kind', 'soort', 'type', 'categorie', 'catégorie', 'category'],
	phone: ['phone', 'telefoon', 'tel', 'téléphone', 'telephone'],
	address: ['address', 'adres', 'adresse'],
	website: ['website', 'site', 'url', 'web'],
	hours: [
		'hours',
		'opening hours',
		'openingsuren',
		'openingsuren/uren',
		'uren',
		'heures',
		'horaires'
	]
};
const LIMITS: Record<Exclude<Field, 'hours' | 'sourceId'>, number> = {
	name: 120,
	description: 500,
	kind: 30,
	phone: 30,
	address: 200,
	website: 200
};

export interface ImportRow {
	line: number;
	sourceId: string | null;
	name: string;
	description: string;
	kind: string;
	phone: string;
	address: string;
	website: string;
	openingHours: OpeningSlot[];
}
export type RowProblem = 'no_name' | 'too_long' | 'hours' | 'duplicate';

export type ParseResult =
	| { ok: true; rows: ImportRow[]; problems: { line: number; reason: RowProblem }[] }
	| { ok: false; error: 'socialmap_err_empty' | 'socialmap_err_header' | 'socialmap_err_too_big' };

/** Hours as typed ("ma 09:00-12:00, wo 13:00-16:00", "ma-vr 9:00-12:00") or as the JSON form. */
export function readHours(text: string): OpeningSlot[] | null {
	const t = text.trim();
	if (!t) return [];
	if (t.startsWith('[')) {
		try {
			const list = JSON.parse(t) as OpeningSlot[];
			return Array.isArray(list) &&
				list.every(
					(s) => s.day >= 1 && s.day <= 7 && /^\d\d:\d\d$/.test(s.from) && /^\d\d:\d\d$/.test(s.to)
				)
				? list.map((s) => ({ day: s.day, from: s.from, to: s.to }))
				: null;
		} catch {
			return null;
		}
	}
	// "ma-vr 9:00-12:00": a range of days, and hours without a leading zero.
	const padded = t.replace(/\b(\d):(\d\d)\b/g, '0$1:$2');
	const expanded = padded.replace(
		/(\p{L}{2,})\.?\s*[-–]\s*(\p{L}{2,})\.?\s+(\d\d:\d\d\s*[-–]\s*\d\d:\d\d)/gu,
		(whole, from: string, to: string, time: string) => {
			const a = parseOpeningHours(`${from} 00:00-00:01`)?.[0]?.day;
			const b = parseOpeningHours(`${to} 00:00-00:01`)?.[0]?.day;
			if (!a || !b || a > b) return whole;
			const words = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];
			return Array.from({ length: b - a + 1 }, (_, i) => `${words[a - 1 + i]} ${time}`).join(', ');
		}
	);
	return parseOpeningHours(expanded);
}

/** Reads the file: a header row naming the columns, then one service per line. */
export function parseServicesCsv(raw: string): ParseResult {
	if (raw.length > MAX_IMPORT_BYTES) return { ok: false, error: 'socialmap_err_too_big' };
	const text = raw.replace(/^\ufeff/, '');
	if (!text.trim()) return { ok: false, error: 'socialmap_err_empty' };
	const lines = Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
	const headerAt = lines.findIndex((l) => l.some((c) => c.trim() !== ''));
	const header = (lines[headerAt] ?? []).map((h) => h.trim().toLowerCase());
	const col = Object.fromEntries(
		FIELDS.map((f) => [f, header.findIndex((h) => ALIASES[f].includes(h))])
	) as Record<Field, number>;
	if (col.name === -1) return { ok: false, error: 'socialmap_err_header' };
	const body = lines.slice(headerAt + 1);
	if (body.filter((l) => l.some((c) => c.trim())).length > MAX_IMPORT_ROWS)
		return { ok: false, error: 'socialmap_err_too_big' };
	const rows: ImportRow[] = [];
	const problems: { line: number; reason: RowProblem }[] = [];
	const seen = new Set<string>();
	body.forEach((cells, i) => {
		const line = headerAt + i + 2;
		if (cells.every((c) => c.trim() === '')) return;
		const cell = (f: Field) =>
			col[f] === -1 ? '' : (cells[col[f]] ?? '').replace(/\s+/g, ' ').trim();
		const name = cell('name');
		if (!name) return problems.push({ line, reason: 'no_name' });
		for (const f of Object.keys(LIMITS) as (keyof typeof LIMITS)[])
			if (cell(f).length > LIMITS[f]) return problems.push({ line, reason: 'too_long' });
		const hours = readHours(cell('hours'));
		if (hours === null) return problems.push({ line, reason: 'hours' });
		const sourceId = cell('sourceId') || null;
		const key = sourceId ?? `name:${name.toLowerCase()}`;
		if (seen.has(key)) return problems.push({ line, reason: 'duplicate' });
		seen.add(key);
		rows.push({
			line,
			sourceId,
			name,
			description: cell('description'),
			kind: cell('kind') || 'other',
			phone: cell('phone'),
			address: cell('address'),
			website: cell('website'),
			openingHours: hours
		});
	});
	return { ok: true, rows, problems };
}

const COMPARED = [
	'name',
	'description',
	'kind',
	'phone',
	'address',
	'website',
	'openingHours'
] as const;
export type ComparedField = (typeof COMPARED)[number];

export interface Preview {
	added: ImportRow[];
	changed: { row: ImportRow; service: Service; fields: ComparedField[] }[];
	unchanged: number;
	/** Services with an export id that the file no longer has. */
	missing: Service[];
}

/** What the file would change on the neighbourhood's social map; changes nothing. */
export function previewImport(db: DbOrTx, neighbourhoodId: number, rows: ImportRow[]): Preview {
	const current = db
		.select()
		.from(services)
		.where(and(eq(services.neighbourhoodId, neighbourhoodId), isNull(services.removedAt)))
		.all();
	const preview: Preview = { added: [], changed: [], unchanged: 0, missing: [] };
	const matched = new Set<number>();
	for (const row of rows) {
		const service =
			(row.sourceId && current.find((s) => s.sourceId === row.sourceId)) ||
			current.find((s) => !matched.has(s.id) && s.name.toLowerCase() === row.name.toLowerCase());
		if (!service) {
			preview.added.push(row);
			continue;
		}
		matched.add(service.id);
		const fields = COMPARED.filter((f) =>
			f === 'openingHours'
				? service.openingHours !== JSON.stringify(row.openingHours)
				: service[f] !== row[f]
		);
		if (fields.length || (row.sourceId && service.sourceId !== row.sourceId))
			preview.changed.push({ row, service, fields });
		else preview.unchanged++;
	}
	const ids = new Set(rows.map((r) => r.sourceId).filter(Boolean));
	preview.missing = current.filter((s) => s.sourceId && !ids.has(s.sourceId) && !matched.has(s.id));
	return preview;
}

/** Applies the file in one transaction (audited with its counts); returns the counts. */
export function applyImport(
	db: DB,
	brokerId: string,
	neighbourhoodId: number,
	rows: ImportRow[],
	removeMissing: boolean,
	now: number
) {
	return db.transaction((tx) => {
		const preview = previewImport(tx, neighbourhoodId, rows);
		const values = (r: ImportRow) => ({
			name: r.name,
			description: r.description,
			kind: r.kind,
			phone: r.phone,
			address: r.address,
			website: r.website,
			openingHours: JSON.stringify(r.openingHours),
			sourceId: r.sourceId
		});
		for (const r of preview.added)
			tx.insert(services)
				.values({ ...values(r), neighbourhoodId, createdAt: now })
				.run();
		for (const { row, service } of preview.changed)
			tx.update(services)
				.set({ ...values(row), updatedAt: now })
				.where(eq(services.id, service.id))
				.run();
		const removed = removeMissing ? preview.missing : [];
		for (const s of removed)
			tx.update(services).set({ removedAt: now }).where(eq(services.id, s.id)).run();
		const counts = {
			added: preview.added.length,
			changed: preview.changed.length,
			unchanged: preview.unchanged,
			removed: removed.length
		};
		recordAudit(
			tx,
			{
				actorId: brokerId,
				action: 'service.import',
				subjectType: 'neighbourhood',
				subjectId: neighbourhoodId,
				neighbourhoodId,
				detail: counts
			},
			now
		);
		return counts;
	});
}

/** The public social map (no sign-in): what each service does, when, and how to reach it. */
export function publicServices(db: DbOrTx, neighbourhoodId: number) {
	return db
		.select({
			id: services.id,
			name: services.name,
			description: services.description,
			phone: services.phone,
			address: services.address,
			website: services.website,
			openingHours: services.openingHours
		})
		.from(services)
		.where(and(eq(services.neighbourhoodId, neighbourhoodId), isNull(services.removedAt)))
		.orderBy(services.name)
		.all();
}
