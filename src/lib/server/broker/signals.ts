import { and, count, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { DB, DbOrTx } from '../db/client';
import { signals, users, type Signal } from '../db/schema';
import { SIGNAL_KINDS, type SignalKind } from '$lib/signals/kinds';
import { writingLanguage } from '$lib/profile/languages';
import { recordAudit } from '../audit/audit';

export interface SignalInput {
	kind: SignalKind;
	about: string;
	body: string;
}

export type SignalResult = { ok: true; signal: Signal } | { ok: false; error: string };

/** A volunteer passes on a signal; it goes to the brokers of their neighbourhood. */
export function fileSignal(db: DB, userId: string, input: SignalInput, now: number): SignalResult {
	const person = db
		.select({ neighbourhoodId: users.neighbourhoodId })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	if (!person?.neighbourhoodId) return { ok: false, error: 'intake_err_no_neighbourhood' };
	if (!SIGNAL_KINDS.includes(input.kind)) return { ok: false, error: 'err_invalid' };
	const signal = db
		.insert(signals)
		.values({
			neighbourhoodId: person.neighbourhoodId,
			filedById: userId,
			kind: input.kind,
			about: input.about,
			body: input.body,
			createdAt: now
		})
		.returning()
		.all()[0]!;
	return { ok: true, signal };
}

/** What the volunteer sees of their own signals: never the broker's note. */
export function ownSignals(db: DbOrTx, userId: string) {
	return db
		.select({
			id: signals.id,
			kind: signals.kind,
			about: signals.about,
			status: signals.status,
			createdAt: signals.createdAt
		})
		.from(signals)
		.where(eq(signals.filedById, userId))
		.orderBy(desc(signals.createdAt), desc(signals.id))
		.all();
}

/** Signals for brokers of these neighbourhoods (null = all, for admins); open ones first. */
export function brokerSignals(db: DbOrTx, neighbourhoodIds: number[] | null) {
	if (neighbourhoodIds && neighbourhoodIds.length === 0) return [];
	return db
		.select({
			signal: signals,
			filedBy: users.displayName,
			filedByLanguages: users.languages,
			filedByLocale: users.locale
		})
		.from(signals)
		.innerJoin(users, eq(users.id, signals.filedById))
		.where(neighbourhoodIds ? inArray(signals.neighbourhoodId, neighbourhoodIds) : undefined)
		.orderBy(sql`case ${signals.status} when 'closed' then 1 else 0 end`, desc(signals.createdAt))
		.all()
		.map(({ filedByLanguages, filedByLocale, ...row }) => ({
			...row,
			// The volunteer's words, marked with the language they most likely wrote them in.
			lang: writingLanguage(filedByLanguages, filedByLocale)
		}));
}

/** Opening signals' content is itself logged: who read which signal, and when. */
export function recordSignalsRead(db: DB, brokerId: string, shown: Signal[], now: number): void {
	if (shown.length === 0) return;
	db.transaction((tx) =>
		shown.forEach((signal) => audit(tx, brokerId, 'signal.read', signal, now))
	);
}

export function getSignal(db: DbOrTx, id: number): Signal | null {
	return db.select().from(signals).where(eq(signals.id, id)).get() ?? null;
}

/** A broker takes the signal on. */
export function pickUpSignal(db: DB, brokerId: string, signal: Signal, now: number): boolean {
	if (signal.status !== 'received') return false;
	db.transaction((tx) => {
		tx.update(signals)
			.set({ status: 'picked_up', pickedUpById: brokerId, pickedUpAt: now })
			.where(eq(signals.id, signal.id))
			.run();
		audit(tx, brokerId, 'signal.pick_up', signal, now);
	});
	return true;
}

/** A broker records what was done and closes the signal. */
export function closeSignal(
	db: DB,
	brokerId: string,
	signal: Signal,
	note: string,
	now: number
): boolean {
	if (signal.status === 'closed') return false;
	db.transaction((tx) => {
		tx.update(signals)
			.set({
				status: 'closed',
				actionNote: note,
				closedAt: now,
				pickedUpById: signal.pickedUpById ?? brokerId,
				pickedUpAt: signal.pickedUpAt ?? now
			})
			.where(eq(signals.id, signal.id))
			.run();
		audit(tx, brokerId, 'signal.close', signal, now);
	});
	return true;
}

function audit(tx: DbOrTx, actorId: string, action: string, signal: Signal, now: number) {
	recordAudit(
		tx,
		{
			actorId,
			action,
			subjectType: 'signal',
			subjectId: signal.id,
			neighbourhoodId: signal.neighbourhoodId,
			detail: { kind: signal.kind }
		},
		now
	);
}

/** Signals filed in [from, to) by kind, and how many of them are closed (for reporting). */
export function countSignals(db: DbOrTx, neighbourhoodIds: number[], from: number, to: number) {
	const result = Object.fromEntries(
		SIGNAL_KINDS.map((k) => [k, { filed: 0, closed: 0 }])
	) as Record<SignalKind, { filed: number; closed: number }>;
	if (neighbourhoodIds.length === 0) return result;
	const rows = db
		.select({ kind: signals.kind, status: signals.status, n: count() })
		.from(signals)
		.where(
			and(
				inArray(signals.neighbourhoodId, neighbourhoodIds),
				gte(signals.createdAt, from),
				lt(signals.createdAt, to)
			)
		)
		.groupBy(signals.kind, signals.status)
		.all();
	for (const r of rows) {
		result[r.kind].filed += r.n;
		if (r.status === 'closed') result[r.kind].closed += r.n;
	}
	return result;
}
