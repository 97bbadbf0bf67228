import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb, insertTestUser } from '../db/test-db';
import { auditLog, users } from '../db/schema';
import { makeBareNeighbourhood } from '../testing/neighbourhoods';
import { isStopReply, peopleWithNumber, resumeSms, stopSms } from './stop';

describe('isStopReply', () => {
	it('hears STOP in the ways people send it, in Dutch, English and French', () => {
		for (const text of [
			'STOP',
			'stop',
			'STOP.',
			' Stop! ',
			'ARRET',
			'Arrêt',
			'stoppen',
			'Uitschrijven'
		])
			expect(isStopReply(text), text).toBe(true);
	});

	it('does not take a sentence that merely mentions stopping', () => {
		for (const text of ['', 'Stop maar niet', 'Ik stop om 5 uur', 'stopp', 'ok'])
			expect(isStopReply(text), text).toBe(false);
	});
});

describe('stopping and switching SMS on again', () => {
	it('finds everyone with the number, written any way, in the neighbourhood’s country', () => {
		const db = createTestDb();
		const be = makeBareNeighbourhood(db, { timeZone: 'Europe/Brussels' });
		const nl = makeBareNeighbourhood(db, { timeZone: 'Europe/Amsterdam' });
		const a = insertTestUser(db, { neighbourhoodId: be.id, phone: '0470/11.22.33' });
		insertTestUser(db, { neighbourhoodId: nl.id, phone: '0470 11 22 33' });
		const c = insertTestUser(db, { phone: '+32 470 11 22 33' });
		expect(
			peopleWithNumber(db, '+32470112233')
				.map((p) => p.id)
				.sort()
		).toEqual([a.id, c.id].sort());
	});

	it('switches SMS on again when the person asks, logged', () => {
		const db = createTestDb();
		const u = insertTestUser(db, { phone: '0470 11 22 33' });
		expect(db.transaction((tx) => stopSms(tx, '+32470112233', 5))).toBe(1);
		// A second STOP changes nothing and logs nothing.
		expect(db.transaction((tx) => stopSms(tx, '+32470112233', 6))).toBe(0);
		expect(db.transaction((tx) => resumeSms(tx, u.id, 7))).toBe(true);
		expect(db.select().from(users).where(eq(users.id, u.id)).get()!.smsStoppedAt).toBeNull();
		expect(db.select({ a: auditLog.action }).from(auditLog).all()).toEqual([
			{ a: 'sms.stop' },
			{ a: 'sms.resume' }
		]);
	});
});
