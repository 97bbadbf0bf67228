import { and, asc, eq, gte, inArray, isNotNull, lt, ne } from 'drizzle-orm';
import { SIGNAL_THEMES, type SignalTheme } from '$lib/signals/kinds';
import { recordAudit } from '../audit/audit';
import { localDate, localInstant } from '../calendar';
import type { DB, DbOrTx } from '../db/client';
import { neighbourhoods, signals, streets, users, type Signal } from '../db/schema';

/**
 * The quarterly signal bundle for the steering group and policy makers (seed 004 §3.2(2),
 * try-out 8): the service and policy signals of a quarter, each summarised by a broker in words
 * that name nobody, grouped by theme, with what was done. Only summaries a broker marked ready go
 * in; nothing else of the signal (who filed it, about whom, its words, its date) ever does.
 */

export interface Quarter {
	year: number;
	q: 1 | 2 | 3 | 4;
}

export const quarterText = ({ year, q }: Quarter) => `${year}-Q${q}`;

export function parseQuarter(text: string | null | undefined): Quarter | null {
	const m = text?.match(/^(20\d\d)-Q([1-4])$/);
	return m ? { year: Number(m[1]), q: Number(m[2]) as Quarter['q'] } : null;
}

/** The quarter a moment falls in, by the neighbourhood's calendar. */
export function quarterOf(now: number, timeZone: string): Quarter {
	const [y, mo] = localDate(now, timeZone).split('-').map(Number) as [number, number];
	return { year: y, q: (Math.floor((mo - 1) / 3) + 1) as Quarter['q'] };
}

/** The quarter's first moment and the next quarter's, in the zone. */
export function quarterBounds({ year, q }: Quarter, timeZone: string): [number, number] {
	const month = (q - 1) * 3 + 1;
	const start = localInstant(`${year}-${String(month).padStart(2, '0')}-01`, '00:00', timeZone);
	const next = q === 4 ? `${year + 1}-01-01` : `${year}-${String(month + 3).padStart(2, '0')}-01`;
	return [start, localInstant(next, '00:00', timeZone)];
}

function zoneOf(db: DbOrTx, neighbourhoodId: number): string {
	return (
		db
			.select({ tz: neighbourhoods.timeZone })
			.from(neighbourhoods)
			.where(eq(neighbourhoods.id, neighbourhoodId))
			.get()?.tz ?? 'Europe/Brussels'
	);
}

/** Service and policy signals of a quarter in one neighbourhood, for the broker to summarise. */
export function bundleCandidates(db: DbOrTx, neighbourhoodId: number, quarter: Quarter) {
	const [start, end] = quarterBounds(quarter, zoneOf(db, neighbourhoodId));
	return db
		.select()
		.from(signals)
		.where(
			and(
				eq(signals.neighbourhoodId, neighbourhoodId),
				ne(signals.kind, 'client'),
				gte(signals.createdAt, start),
				lt(signals.createdAt, end)
			)
		)
		.orderBy(asc(signals.createdAt), asc(signals.id))
		.all();
}

/** Short words that are parts of many names and mean something else too. */
const NOT_NAMES = new Set([
	'van',
	'der',
	'den',
	'de',
	'het',
	'ten',
	'ter',
	'la',
	'le',
	'el',
	'al',
	'bin'
]);

/**
 * What would identify a resident of the neighbourhood in a summary: a part of someone's name, a
 * street of the neighbourhood, a phone number, an e-mail address. Returns the word found, or null.
 */
export function identifyingWord(db: DbOrTx, neighbourhoodId: number, text: string): string | null {
	if (/\S+@\S+\.\S+/.test(text)) return text.match(/\S+@\S+\.\S+/)![0];
	const phone = text.match(/\+?\d[\d\s/.-]{6,}\d/);
	if (phone) return phone[0];
	const lower = text.toLocaleLowerCase('nl');
	const words = new Set(lower.split(/[^\p{L}\p{N}'-]+/u).filter(Boolean));
	for (const s of db
		.select({ name: streets.name })
		.from(streets)
		.where(eq(streets.neighbourhoodId, neighbourhoodId))
		.all())
		if (lower.includes(s.name.toLocaleLowerCase('nl'))) return s.name;
	for (const u of db
		.select({ name: users.displayName })
		.from(users)
		.where(and(eq(users.neighbourhoodId, neighbourhoodId), ne(users.status, 'deleted')))
		.all())
		for (const part of u.name.toLocaleLowerCase('nl').split(/[\s.,]+/))
			if (part.length >= 3 && !NOT_NAMES.has(part) && words.has(part)) return part;
	return null;
}

export interface BundleInput {
	theme: SignalTheme;
	summary: string;
	action: string;
	ready: boolean;
}

export type BundleSaveResult =
	| { ok: true }
	| { ok: false; field: 'summary' | 'action' | 'signal'; error: string; word?: string };

/** A broker writes the anonymised summary of a service or policy signal, and may mark it ready. */
export function saveBundleSummary(
	db: DB,
	brokerId: string,
	signal: Signal,
	input: BundleInput,
	now: number
): BundleSaveResult {
	if (signal.kind === 'client') return { ok: false, field: 'signal', error: 'bundle_err_kind' };
	if (input.ready && !input.summary.trim())
		return { ok: false, field: 'summary', error: 'bundle_err_summary' };
	for (const field of ['summary', 'action'] as const) {
		const word = identifyingWord(db, signal.neighbourhoodId, input[field]);
		if (word) return { ok: false, field, error: 'bundle_err_identifying', word };
	}
	db.transaction((tx) => {
		tx.update(signals)
			.set({
				theme: input.theme,
				bundleSummary: input.summary.trim(),
				bundleAction: input.action.trim(),
				bundleReadyAt: input.ready ? now : null,
				bundleEditedById: brokerId
			})
			.where(eq(signals.id, signal.id))
			.run();
		recordAudit(
			tx,
			{
				actorId: brokerId,
				action: input.ready ? 'signal.bundle_ready' : 'signal.bundle_edit',
				subjectType: 'signal',
				subjectId: signal.id,
				neighbourhoodId: signal.neighbourhoodId,
				detail: { theme: input.theme }
			},
			now
		);
	});
	return { ok: true };
}

export interface BundleTheme {
	theme: SignalTheme;
	service: number;
	policy: number;
	items: { kind: 'service' | 'policy'; summary: string; action: string }[];
}

/**
 * The bundle of a quarter for some neighbourhoods: ready summaries only, grouped by theme in the
 * themes' order, with counts per kind. Holds nothing but the broker's anonymised words.
 */
export function bundleOf(db: DbOrTx, neighbourhoodIds: number[], quarter: Quarter): BundleTheme[] {
	if (neighbourhoodIds.length === 0) return [];
	const rows = neighbourhoodIds.flatMap((id) => {
		const [start, end] = quarterBounds(quarter, zoneOf(db, id));
		return db
			.select({
				kind: signals.kind,
				theme: signals.theme,
				summary: signals.bundleSummary,
				action: signals.bundleAction
			})
			.from(signals)
			.where(
				and(
					eq(signals.neighbourhoodId, id),
					inArray(signals.kind, ['service', 'policy']),
					isNotNull(signals.bundleReadyAt),
					gte(signals.createdAt, start),
					lt(signals.createdAt, end)
				)
			)
			.orderBy(asc(signals.createdAt), asc(signals.id))
			.all();
	});
	return SIGNAL_THEMES.map((theme) => {
		const items = rows
			.filter((r) => (r.theme ?? 'other') === theme)
			.map((r) => ({
				kind: r.kind as 'service' | 'policy',
				summary: r.summary ?? '',
				action: r.action ?? ''
			}));
		return {
			theme,
			service: items.filter((i) => i.kind === 'service').length,
			policy: items.filter((i) => i.kind === 'policy').length,
			items
		};
	}).filter((t) => t.items.length > 0);
}
