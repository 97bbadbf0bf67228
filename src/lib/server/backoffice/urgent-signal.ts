import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import type { DB, DbOrTx } from '../db/client';
import { recordAudit } from '../audit/audit';
import { neighbourhoodBrokers, neighbourhoods, users, type Signal } from '../db/schema';
import { notifyPerson } from '../notify/notify';

/**
 * Someone is in danger now (seed 003 fiche 7): every broker of the neighbourhood hears of it at
 * once on their own channel. The message says only that an urgent signal came in and where to
 * read it — never what it says, since mail and SMS leave the site.
 */
export function tellBrokersUrgent(tx: DbOrTx, signal: Signal, origin: string, now: number): void {
	const brokers = tx
		.select({ id: neighbourhoodBrokers.userId })
		.from(neighbourhoodBrokers)
		.where(eq(neighbourhoodBrokers.neighbourhoodId, signal.neighbourhoodId))
		.all();
	const url = `${origin}/broker/signals/${signal.id}`;
	for (const broker of brokers)
		notifyPerson(
			tx,
			broker.id,
			{
				kind: 'signal_urgent',
				topic: 'other',
				url,
				write: (locale) => ({
					subject: m.signalcycle_mail_urgent_subject({}, { locale }),
					paragraphs: [m.signalcycle_mail_urgent_body({}, { locale })],
					action: { label: m.signalcycle_mail_urgent_open({}, { locale }), url }
				}),
				short: (locale) => m.signalcycle_sms_urgent({}, { locale })
			},
			now
		);
}

/** A number to call in danger, after 112, as the neighbourhood's brokers set it. */
export interface UrgentNumber {
	label: string;
	phone: string;
}

/** The neighbourhood's urgent numbers (a stored JSON list; anything unreadable is left out). */
export function parseUrgentNumbers(json: string): UrgentNumber[] {
	try {
		const list: unknown = JSON.parse(json);
		if (!Array.isArray(list)) return [];
		return list
			.filter(
				(n): n is UrgentNumber =>
					typeof n === 'object' &&
					n !== null &&
					typeof (n as UrgentNumber).label === 'string' &&
					typeof (n as UrgentNumber).phone === 'string'
			)
			.map((n) => ({ label: n.label, phone: n.phone }));
	} catch {
		return [];
	}
}

/** The urgent numbers shown to a person of this neighbourhood (none when it has none). */
export function urgentNumbersOf(db: DbOrTx, neighbourhoodId: number | null): UrgentNumber[] {
	if (neighbourhoodId === null) return [];
	const row = db
		.select({ urgentNumbers: neighbourhoods.urgentNumbers })
		.from(neighbourhoods)
		.where(eq(neighbourhoods.id, neighbourhoodId))
		.get();
	return row ? parseUrgentNumbers(row.urgentNumbers) : [];
}

/** The neighbourhood a person lives in, if any. */
export function neighbourhoodOf(db: DbOrTx, userId: string): number | null {
	return (
		db.select({ n: users.neighbourhoodId }).from(users).where(eq(users.id, userId)).get()?.n ?? null
	);
}

/** At most this many numbers after 112: more would hide the one that matters. */
export const MAX_URGENT_NUMBERS = 4;

/** A broker sets the neighbourhood's urgent numbers (audited); empty lines are left out. */
export function setUrgentNumbers(
	db: DB,
	brokerId: string,
	neighbourhoodId: number,
	list: UrgentNumber[],
	now: number
): void {
	const kept = list
		.map((n) => ({ label: n.label.trim(), phone: n.phone.trim() }))
		.filter((n) => n.label && n.phone)
		.slice(0, MAX_URGENT_NUMBERS);
	db.transaction((tx) => {
		tx.update(neighbourhoods)
			.set({ urgentNumbers: JSON.stringify(kept) })
			.where(eq(neighbourhoods.id, neighbourhoodId))
			.run();
		recordAudit(
			tx,
			{
				actorId: brokerId,
				action: 'neighbourhood.urgent_numbers',
				subjectType: 'neighbourhood',
				subjectId: neighbourhoodId,
				neighbourhoodId,
				detail: { count: kept.length }
			},
			now
		);
	});
}
