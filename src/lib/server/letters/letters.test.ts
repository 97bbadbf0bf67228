import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, neighbourhoodBrokers, neighbourhoods, outbox } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { enqueueMail } from '../mail/outbox';
import { brokeredNeighbourhoods } from '../neighbourhoods/brokers';
import { deleteAccount } from '../privacy/delete';
import { makeLetter } from '../testing/letters';
import { makeMail } from '../testing/mail';
import { makeBareNeighbourhood } from '../testing/neighbourhoods';
import { makeNeighbourhood } from '../testing/posts';
import { DAY, brussels } from '../testing/dates';
import { countLettersToPrint, lettersToPrint, markLetterPrinted, readLetter } from './letters';
import { letterSender } from './print';

const NOW = brussels('2026-12-04', '10:00');

/** Rosa, reached by letter at Markt 12, in a neighbourhood with its broker An; Bram brokers elsewhere. */
function letterWorld() {
	const db = createTestDb();
	const t = makeNeighbourhood(db);
	db.update(neighbourhoods)
		.set({ phoneDutyNumber: '015 20 30 40' })
		.where(eq(neighbourhoods.id, t.hood.id))
		.run();
	const rosa = t.resident('Rosa Peeters', {
		email: null,
		contactBy: 'letter',
		streetId: t.street.id,
		houseNumber: '12'
	});
	const an = t.resident('An', { role: 'broker' });
	db.insert(neighbourhoodBrokers).values({ neighbourhoodId: t.hood.id, userId: an.id }).run();
	const elsewhere = makeBareNeighbourhood(db, { name: 'Ganzenpoel' });
	const bram = t.resident('Bram', { role: 'broker', neighbourhoodId: elsewhere.id });
	db.insert(neighbourhoodBrokers).values({ neighbourhoodId: elsewhere.id, userId: bram.id }).run();
	const idsOf = (broker: typeof an) => brokeredNeighbourhoods(db, broker).map((n) => n.id);
	return { db, ...t, rosa, an, bram, idsOf };
}

describe('letters to print', () => {
	it('lists a waiting letter once, oldest first, with the name and postal address', () => {
		const { db, rosa, an, idsOf } = letterWorld();
		const newer = makeLetter(db, rosa, { kind: 'match_made', subject: 'Jan helpt je', at: NOW });
		const older = makeLetter(db, rosa, { kind: 'follow_up', at: NOW - DAY });
		// An e-mail to someone else is no letter.
		db.transaction((tx) => enqueueMail(tx, makeMail(1), NOW));

		const list = lettersToPrint(db, idsOf(an));
		expect(list.map((l) => l.id)).toEqual([older.id, newer.id]);
		expect(list[1]).toMatchObject({
			kind: 'match_made',
			subject: 'Jan helpt je',
			name: 'Rosa Peeters',
			street: 'Markt',
			houseNumber: '12'
		});
		expect(countLettersToPrint(db, idsOf(an))).toBe(2);
	});

	it('marking it printed twice records one print; the letter leaves the list', () => {
		const { db, rosa, an, idsOf } = letterWorld();
		const made = makeLetter(db, rosa, { at: NOW - DAY });
		const letter = readLetter(db, made.id)!;

		expect(markLetterPrinted(db, letter, an.id, NOW)).toEqual({ ok: true });
		expect(markLetterPrinted(db, letter, an.id, NOW + 60_000)).toEqual({
			ok: false,
			printedAt: NOW
		});

		const row = db.select().from(outbox).where(eq(outbox.id, made.id)).get()!;
		expect(row).toMatchObject({ status: 'sent', deliveredVia: 'printed', sentAt: NOW });
		const prints = db.select().from(auditLog).where(eq(auditLog.action, 'letter.print')).all();
		expect(prints).toHaveLength(1);
		expect(prints[0]).toMatchObject({ actorId: an.id, subjectId: rosa.id, at: NOW });
		expect(lettersToPrint(db, idsOf(an))).toEqual([]);
		expect(countLettersToPrint(db, idsOf(an))).toBe(0);
		// Printed, it can still be opened (to print again) and says when it was printed.
		expect(readLetter(db, made.id)).toMatchObject({ printedAt: NOW });
	});

	it('a broker of another neighbourhood does not see it', () => {
		const { db, rosa, an, bram, idsOf } = letterWorld();
		makeLetter(db, rosa, { at: NOW });
		expect(lettersToPrint(db, idsOf(an))).toHaveLength(1);
		expect(lettersToPrint(db, idsOf(bram))).toEqual([]);
		expect(countLettersToPrint(db, idsOf(bram))).toBe(0);
	});

	it('the letters of a person who deleted their account are gone', () => {
		const { db, rosa, an, idsOf } = letterWorld();
		const made = makeLetter(db, rosa, { at: NOW });
		expect(deleteAccount(db, rosa.id, NOW + 1)).toBe(true);
		expect(lettersToPrint(db, idsOf(an))).toEqual([]);
		expect(readLetter(db, made.id)).toBeNull();
	});

	it('reads only letters: an e-mail is not one', () => {
		const { db } = letterWorld();
		db.transaction((tx) => enqueueMail(tx, makeMail(1), NOW));
		const mail = db.select().from(outbox).get()!;
		expect(readLetter(db, mail.id)).toBeNull();
	});

	it('is sent by the neighbourhood, with its phone number', () => {
		const { db, rosa } = letterWorld();
		const letter = readLetter(db, makeLetter(db, rosa, { at: NOW }).id)!;
		expect(letterSender(db, letter)).toMatchObject({
			neighbourhood: 'Testwijk',
			phone: '015 20 30 40',
			timeZone: 'Europe/Brussels',
			reply: null
		});
	});
});
