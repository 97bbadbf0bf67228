import { and, count, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { DB, DbOrTx } from '../db/client';
import { signals, users, type Signal } from '../db/schema';
import { SIGNAL_KINDS, type SignalConsent, type SignalKind } from '$lib/signals/kinds';
import { tellBrokersUrgent } from '../backoffice/urgent-signal';
import { writingLanguage } from '$lib/profile/languages';
import { recordAudit } from '../audit/audit';

export interface SignalInput {
	kind: SignalKind;
	about: string;
	body: string;
	/** Whether the person it is about knows and agrees (client signals; seed 004 §3.4.2). */
	consent?: SignalConsent;
	/** Someone is in danger now (seed 003 fiche 7). */
	urgent?: boolean;
}

export type SignalResult = { ok: true; signal: Signal } | { ok: false; error: string };

/**
 * A volunteer passes on a signal; it goes to the brokers of their neighbourhood. `recordedById`
 * is the broker who wrote it down from a phone call (seed 004 §3.3.4). Without the person's
 * consent a signal about a person is a request for anonymous advice: no name is kept. An urgent
 * one tells every broker of the neighbourhood at once, in the same transaction.
 */
export function fileSignal(
	db: DB,
	userId: string,
	input: SignalInput,
	now: number,
	options: { recordedById?: string; origin?: string } = {}
): SignalResult {
	const person = db
		.select({ neighbourhoodId: users.neighbourhoodId })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	if (!person?.neighbourhoodId) return { ok: false, error: 'intake_err_no_neighbourhood' };
	if (!SIGNAL_KINDS.includes(input.kind)) return { ok: false, error: 'err_invalid' };
	const consent: SignalConsent = input.kind === 'client' ? (input.consent ?? 'unknown') : 'unknown';
	const neighbourhoodId = person.neighbourhoodId;
	return db.transaction((tx): SignalResult => {
		const signal = tx
			.insert(signals)
			.values({
				neighbourhoodId,
				filedById: userId,
				kind: input.kind,
				about: anonymousAdvice({ kind: input.kind, consent }) ? '' : input.about,
				body: input.body,
				consent,
				urgent: input.urgent === true,
				recordedById: options.recordedById ?? null,
				createdAt: now
			})
			.returning()
			.all()[0]!;
		if (options.recordedById)
			auditSignal(tx, options.recordedById, 'signal.record_by_phone', signal, now);
		if (signal.urgent) tellBrokersUrgent(tx, signal, options.origin ?? '', now);
		return { ok: true, signal };
	});
}

/** A signal about a person without their consent: the broker reads it as a question for advice. */
export function anonymousAdvice(signal: Pick<Signal, 'kind' | 'consent'>): boolean {
	return signal.kind === 'client' && signal.consent !== 'yes';
}

/** What the volunteer sees of their own signals: never the broker's note. */
export function ownSignals(db: DbOrTx, userId: string) {
	return db
		.select({
			id: signals.id,
			kind: signals.kind,
			about: signals.about,
			status: signals.status,
			urgent: signals.urgent,
			byPhone: sql<boolean>`${signals.recordedById} is not null`.mapWith(Boolean),
			replies: sql<number>`(select count(*) from signal_replies r where r.signal_id = ${signals.id})`,
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
		shown.forEach((signal) => auditSignal(tx, brokerId, 'signal.read', signal, now))
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
		auditSignal(tx, brokerId, 'signal.pick_up', signal, now);
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
		auditSignal(tx, brokerId, 'signal.close', signal, now);
	});
	return true;
}

export function auditSignal(
	tx: DbOrTx,
	actorId: string,
	action: string,
	signal: Signal,
	now: number
) {
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
