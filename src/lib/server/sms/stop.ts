import { eq, inArray, isNotNull, isNull, and, sql } from 'drizzle-orm';
import { countryCodeFor, toE164 } from '$lib/phone';
import { recordAudit } from '../audit/audit';
import type { DbOrTx } from '../db/client';
import { neighbourhoods, users } from '../db/schema';

/**
 * Replies that switch SMS off, in one place: the English and Dutch STOP (what providers and
 * the Dutch/Belgian SMS codes of conduct tell people to send), the French ARRET/ARRÊT and
 * STOPPEN/UITSCHRIJVEN/DESINSCRIRE, which Belgian and Dutch senders also honour.
 */
export const STOP_WORDS = [
	'stop',
	'stoppen',
	'uitschrijven',
	'afmelden',
	'arret',
	'arrêt',
	'desinscrire',
	'désinscrire',
	'unsubscribe'
] as const;

/** True when an SMS reply asks to stop: a stop word alone, in any case, with stray punctuation. */
export function isStopReply(text: string): boolean {
	const word = text
		.normalize('NFC')
		.trim()
		.toLowerCase()
		.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
	return (STOP_WORDS as readonly string[]).includes(word);
}

/**
 * The people whose phone number is this E.164 number, whatever way they wrote it. SQLite
 * cannot normalise, so it narrows to numbers ending in the same last eight digits and the one
 * normaliser (`toE164`, with the country of each person's neighbourhood) decides.
 */
export function peopleWithNumber(
	db: DbOrTx,
	e164: string
): { id: string; neighbourhoodId: number | null }[] {
	const tail = e164.slice(-8);
	const stripped = sql`replace(replace(replace(replace(replace(replace(${users.phone}, ' ', ''), '.', ''), '/', ''), '-', ''), '(', ''), ')', '')`;
	const rows = db
		.select({
			id: users.id,
			phone: users.phone,
			neighbourhoodId: users.neighbourhoodId,
			timeZone: neighbourhoods.timeZone
		})
		.from(users)
		.leftJoin(neighbourhoods, eq(neighbourhoods.id, users.neighbourhoodId))
		.where(and(isNotNull(users.phone), sql`${stripped} like ${'%' + tail}`))
		.all();
	return rows
		.filter((r) => toE164(r.phone!, countryCodeFor(r.timeZone)) === e164)
		.map(({ id, neighbourhoodId }) => ({ id, neighbourhoodId }));
}

/** The E.164 form of a person's own phone number, or null when they have none that is valid. */
export function personNumber(db: DbOrTx, userId: string): string | null {
	const row = db
		.select({ phone: users.phone, timeZone: neighbourhoods.timeZone })
		.from(users)
		.leftJoin(neighbourhoods, eq(neighbourhoods.id, users.neighbourhoodId))
		.where(eq(users.id, userId))
		.get();
	return row?.phone ? toE164(row.phone, countryCodeFor(row.timeZone)) : null;
}

/**
 * True when someone with this number replied STOP and has not switched SMS on again, or when
 * the person the SMS is for did (their STOP holds for a number they gave since, too).
 */
export function isNumberStopped(db: DbOrTx, e164: string, userId: string | null = null): boolean {
	const ids = peopleWithNumber(db, e164).map((p) => p.id);
	if (userId) ids.push(userId);
	if (ids.length === 0) return false;
	return (
		db
			.select({ id: users.id })
			.from(users)
			.where(and(inArray(users.id, ids), isNotNull(users.smsStoppedAt)))
			.get() !== undefined
	);
}

/**
 * A STOP reply from this number: SMS off for everyone with it (a household may share one),
 * each logged. Returns how many people it stopped; call it in a transaction.
 */
export function stopSms(tx: DbOrTx, e164: string, now: number): number {
	const people = peopleWithNumber(tx, e164);
	let stopped = 0;
	for (const p of people) {
		const changed = tx
			.update(users)
			.set({ smsStoppedAt: now })
			.where(and(eq(users.id, p.id), isNull(users.smsStoppedAt)))
			.run().changes;
		if (!changed) continue;
		stopped++;
		recordAudit(
			tx,
			{
				actorId: p.id,
				action: 'sms.stop',
				subjectType: 'user',
				subjectId: p.id,
				neighbourhoodId: p.neighbourhoodId,
				detail: { via: 'sms_reply' }
			},
			now
		);
	}
	return stopped;
}

/** The person switches SMS on again after a STOP (from /account/phone); logged. */
export function resumeSms(tx: DbOrTx, userId: string, now: number): boolean {
	const row = tx
		.update(users)
		.set({ smsStoppedAt: null })
		.where(and(eq(users.id, userId), isNotNull(users.smsStoppedAt)))
		.returning({ neighbourhoodId: users.neighbourhoodId })
		.all()[0];
	if (!row) return false;
	recordAudit(
		tx,
		{
			actorId: userId,
			action: 'sms.resume',
			subjectType: 'user',
			subjectId: userId,
			neighbourhoodId: row.neighbourhoodId
		},
		now
	);
	return true;
}
