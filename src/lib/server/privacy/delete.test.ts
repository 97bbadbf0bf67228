import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { authenticate } from '../auth/accounts';
import { validateSessionToken } from '../auth/session';
import { createTestDb, insertTestUser } from '../db/test-db';
import {
	auditLog,
	emailTokens,
	loans,
	neighbourhoodBrokers,
	outbox,
	sessions,
	userCategories,
	users
} from '../db/schema';
import { deleteAccount, DELETION_STEPS, isLastAdmin } from './delete';
import { makeFullPerson } from '../testing/person';

describe('deleting an account', () => {
	it('empties every personal field but keeps the row, so anonymous counts survive', () => {
		const db = createTestDb();
		const { person } = makeFullPerson(db);
		const bystander = insertTestUser(db, { displayName: 'Jozef' });
		const before = db.select({ n: count() }).from(users).get()!.n;

		expect(deleteAccount(db, person.id, 5_000)).toBe(true);

		expect(db.select({ n: count() }).from(users).get()!.n).toBe(before);
		const row = db.select().from(users).where(eq(users.id, person.id)).get()!;
		expect(row).toMatchObject({
			email: null,
			emailVerifiedAt: null,
			passwordHash: null,
			displayName: '',
			phone: null,
			about: '',
			languages: '[]',
			availability: '[]',
			streetId: null,
			houseNumber: null,
			exactLat: null,
			exactLon: null,
			approxCell: null,
			approxLat: null,
			approxLon: null,
			statusReason: null,
			contactBy: null,
			callName: null,
			callPhoto: null,
			totpKey: null,
			totpLastStep: null,
			status: 'deleted',
			deletedAt: 5_000
		});
		// Nothing the person typed or that identifies them is left anywhere in the row.
		const text = JSON.stringify(row);
		for (const personal of [
			'maria',
			'Maria',
			'015 41',
			'babbel',
			'51.03',
			'4.48',
			'argon2',
			'notitie'
		]) {
			expect(text).not.toContain(personal);
		}
		// The bystander is untouched.
		expect(db.select().from(users).where(eq(users.id, bystander.id)).get()!.displayName).toBe(
			'Jozef'
		);
	});

	it('removes sessions, e-mail links, categories, broker assignments and mail to them', () => {
		const db = createTestDb();
		const { person, sessionToken } = makeFullPerson(db);

		deleteAccount(db, person.id, 5_000);

		expect(db.select().from(sessions).where(eq(sessions.userId, person.id)).all()).toEqual([]);
		expect(db.select().from(emailTokens).where(eq(emailTokens.userId, person.id)).all()).toEqual(
			[]
		);
		expect(
			db.select().from(userCategories).where(eq(userCategories.userId, person.id)).all()
		).toEqual([]);
		expect(
			db.select().from(neighbourhoodBrokers).where(eq(neighbourhoodBrokers.userId, person.id)).all()
		).toEqual([]);
		expect(
			db
				.select()
				.from(outbox)
				.all()
				.map((o) => o.toAddress)
		).toEqual(['jozef@test.example']);
		expect(validateSessionToken(db, sessionToken, 5_001).user).toBeNull();
		// The event is recorded without personal data.
		const audit = db.select().from(auditLog).where(eq(auditLog.action, 'account.deleted')).all();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			action: 'account.deleted',
			subjectId: person.id,
			detail: '{}'
		});
	});

	it('makes signing in with the old address and password fail as any wrong password does', async () => {
		const db = createTestDb();
		const { person } = makeFullPerson(db);
		deleteAccount(db, person.id, 5_000);
		const result = await authenticate(db, 'maria@test.example', 'whatever', '192.0.2.1', 6_000);
		expect(result).toEqual({ ok: false, reason: 'invalid' });
		expect(deleteAccount(db, person.id, 7_000)).toBe(false);
	});

	it('runs all steps in one transaction: a failing step leaves everything as it was', () => {
		const db = createTestDb();
		const { person } = makeFullPerson(db);
		const mails = db.select({ n: count() }).from(outbox).get()!.n;
		const failing = {
			name: 'boom',
			run: () => {
				throw new Error('disk full');
			}
		};
		expect(() =>
			deleteAccount(db, person.id, 5_000, { steps: [...DELETION_STEPS.slice(0, -1), failing] })
		).toThrow('disk full');
		expect(db.select().from(users).where(eq(users.id, person.id)).get()!.email).toBe(
			'maria@test.example'
		);
		expect(db.select({ n: count() }).from(sessions).get()!.n).toBe(1);
		expect(db.select({ n: count() }).from(outbox).get()!.n).toBe(mails);
		expect(db.select().from(loans).where(eq(loans.borrowerId, person.id)).all()).toContainEqual(
			expect.objectContaining({ status: 'reserved' })
		);
	});

	it('knows the last active admin, who may not leave', () => {
		const db = createTestDb();
		const first = insertTestUser(db, { role: 'admin' });
		const resident = insertTestUser(db);
		expect(isLastAdmin(db, first.id)).toBe(true);
		expect(isLastAdmin(db, resident.id)).toBe(false);
		insertTestUser(db, { role: 'admin' });
		expect(isLastAdmin(db, first.id)).toBe(false);
	});
});
