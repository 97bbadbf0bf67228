import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import type { DB, DbOrTx } from '../db/client';
import { signalReplies, signals, users, type Signal } from '../db/schema';
import { notifyPerson } from '../notify/notify';
import { anonymousAdvice, auditSignal } from '../broker/signals';

/**
 * The signal cycle around a volunteer's signal (issue 21 §1, seed 004 §3.3–3.4): a broker links
 * it to the resident it is about (only with that person's consent), answers the volunteer in a
 * short thread, and the volunteer reads the answers. The content stays with the brokers.
 */

export type CycleResult = { ok: true } | { ok: false; error: string };

/** A broker links a signal to the record of the resident it is about (never the volunteer). */
export function linkSignal(
	db: DB,
	brokerId: string,
	signal: Signal,
	residentId: string,
	now: number
): CycleResult {
	if (anonymousAdvice(signal)) return { ok: false, error: 'signalcycle_err_no_consent' };
	if (signal.kind !== 'client') return { ok: false, error: 'signalcycle_err_not_about_person' };
	const resident = db
		.select({ id: users.id, neighbourhoodId: users.neighbourhoodId, status: users.status })
		.from(users)
		.where(eq(users.id, residentId))
		.get();
	if (
		!resident ||
		resident.status === 'deleted' ||
		resident.neighbourhoodId !== signal.neighbourhoodId
	)
		return { ok: false, error: 'signalcycle_err_resident' };
	db.transaction((tx) => {
		tx.update(signals).set({ subjectUserId: resident.id }).where(eq(signals.id, signal.id)).run();
		auditSignal(tx, brokerId, 'signal.link', signal, now);
	});
	return { ok: true };
}

/** Takes the link away again (a wrong person picked). */
export function unlinkSignal(db: DB, brokerId: string, signal: Signal, now: number): CycleResult {
	if (!signal.subjectUserId) return { ok: false, error: 'signalcycle_err_not_linked' };
	db.transaction((tx) => {
		tx.update(signals).set({ subjectUserId: null }).where(eq(signals.id, signal.id)).run();
		auditSignal(tx, brokerId, 'signal.unlink', signal, now);
	});
	return { ok: true };
}

/**
 * The broker answers the volunteer ("picked up, we visit her on Tuesday"); the volunteer is told
 * on their channel in the same transaction, with a link to read it on the site.
 */
export function replyToSignal(
	db: DB,
	brokerId: string,
	signal: Signal,
	body: string,
	origin: string,
	now: number
): CycleResult {
	const text = body.trim();
	if (!text) return { ok: false, error: 'signalcycle_err_reply_empty' };
	const url = `${origin}/signals/${signal.id}`;
	db.transaction((tx) => {
		tx.insert(signalReplies)
			.values({ signalId: signal.id, authorId: brokerId, body: text, createdAt: now })
			.run();
		auditSignal(tx, brokerId, 'signal.reply', signal, now);
		notifyPerson(
			tx,
			signal.filedById,
			{
				kind: 'signal_reply',
				topic: 'other',
				url,
				write: (locale) => ({
					subject: m.signalcycle_mail_reply_subject({}, { locale }),
					paragraphs: [m.signalcycle_mail_reply_body({}, { locale })],
					action: { label: m.signalcycle_mail_reply_open({}, { locale }), url }
				}),
				call: {
					subject: { key: 'signalcycle_mail_reply_subject', params: {} },
					text: { key: 'signalcycle_call_reply_text', params: {} }
				}
			},
			now
		);
	});
	return { ok: true };
}

/** The answers to one signal, oldest first, with who wrote them. */
export function repliesTo(db: DbOrTx, signalId: number) {
	return db
		.select({
			id: signalReplies.id,
			body: signalReplies.body,
			createdAt: signalReplies.createdAt,
			author: users.displayName
		})
		.from(signalReplies)
		.leftJoin(users, eq(users.id, signalReplies.authorId))
		.where(eq(signalReplies.signalId, signalId))
		.orderBy(asc(signalReplies.createdAt), asc(signalReplies.id))
		.all();
}

/**
 * One of the volunteer's own signals as they may see it: their words, where it is, whether a
 * broker wrote it down for them, and the answers; never the action note or the linked record.
 */
export function ownSignal(db: DbOrTx, userId: string, id: number) {
	const signal = db
		.select({
			id: signals.id,
			kind: signals.kind,
			about: signals.about,
			body: signals.body,
			status: signals.status,
			consent: signals.consent,
			urgent: signals.urgent,
			byPhone: signals.recordedById,
			createdAt: signals.createdAt
		})
		.from(signals)
		.where(and(eq(signals.id, id), eq(signals.filedById, userId)))
		.get();
	if (!signal) return null;
	const { byPhone, ...rest } = signal;
	return {
		...rest,
		byPhone: byPhone !== null,
		replies: repliesTo(db, id).map(({ body, createdAt }) => ({ body, createdAt }))
	};
}

/** Signals linked to a resident, newest first (the person page and the timeline). */
export function signalsAbout(db: DbOrTx, userId: string) {
	return db
		.select({
			id: signals.id,
			kind: signals.kind,
			status: signals.status,
			urgent: signals.urgent,
			createdAt: signals.createdAt
		})
		.from(signals)
		.where(eq(signals.subjectUserId, userId))
		.orderBy(desc(signals.createdAt), desc(signals.id))
		.all();
}

/** Urgent signals not yet closed, for the top of Today; newest first. */
export function urgentOpenSignals(db: DbOrTx, neighbourhoodIds: number[]) {
	if (neighbourhoodIds.length === 0) return [];
	return db
		.select({
			id: signals.id,
			kind: signals.kind,
			status: signals.status,
			createdAt: signals.createdAt
		})
		.from(signals)
		.where(
			and(
				inArray(signals.neighbourhoodId, neighbourhoodIds),
				eq(signals.urgent, true),
				ne(signals.status, 'closed')
			)
		)
		.orderBy(desc(signals.createdAt))
		.all();
}
