import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, neighbourhoodBrokers, users } from '../db/schema';
import { createSession, validateSessionToken } from '../auth/session';
import { createTestDb, insertTestUser } from '../db/test-db';
import { listNeighbourhoodSummaries } from './admin';
import { assignBroker, brokeredNeighbourhoods, listBrokers, removeBroker } from './brokers';
import { findPeople } from './people';
import { makeAdminNeighbourhood } from '../testing/neighbourhoods';

describe('brokers of a neighbourhood', () => {
	it('makes a resident broker of one neighbourhood by e-mail address, and back again', () => {
		const db = createTestDb();
		const { admin, neighbourhoodId } = makeAdminNeighbourhood(db, 'Noord');
		const person = insertTestUser(db, { email: 'an@test.example', displayName: 'An' });

		const assigned = assignBroker(db, admin.id, neighbourhoodId, ' AN@test.example ', 100);
		expect(assigned).toEqual({
			ok: true,
			user: { id: person.id, displayName: 'An' },
			already: false,
			renewed: null
		});
		expect(db.select().from(users).where(eq(users.id, person.id)).get()!.role).toBe('broker');
		expect(listBrokers(db, neighbourhoodId)).toEqual([
			{ id: person.id, displayName: 'An', email: 'an@test.example' }
		]);
		expect(
			brokeredNeighbourhoods(db, { id: person.id, role: 'broker' }).map((n) => n.name)
		).toEqual(['Noord']);
		expect(listNeighbourhoodSummaries(db)[0]!.brokers).toBe(1);

		// Assigning twice changes nothing and says so.
		expect(assignBroker(db, admin.id, neighbourhoodId, 'an@test.example', 150)).toMatchObject({
			ok: true,
			already: true
		});

		const removed = removeBroker(db, admin.id, neighbourhoodId, person.id, 200);
		expect(removed).toEqual({
			ok: true,
			user: { id: person.id, displayName: 'An' },
			role: 'resident',
			renewed: null
		});
		expect(db.select().from(users).where(eq(users.id, person.id)).get()!.role).toBe('resident');
		expect(listBrokers(db, neighbourhoodId)).toEqual([]);
		expect(brokeredNeighbourhoods(db, { id: person.id, role: 'resident' })).toEqual([]);
		expect(removeBroker(db, admin.id, neighbourhoodId, person.id, 300)).toEqual({ ok: false });

		const audit = db.select().from(auditLog).where(eq(auditLog.subjectType, 'user')).all();
		expect(audit.map((a) => [a.action, a.actorId, a.subjectId, a.neighbourhoodId, a.at])).toEqual([
			['broker.assign', admin.id, person.id, neighbourhoodId, 100],
			['broker.remove', admin.id, person.id, neighbourhoodId, 200]
		]);
	});

	it('ends the sessions of a person made broker or taken off, so they sign in again', () => {
		const db = createTestDb();
		const { admin, neighbourhoodId } = makeAdminNeighbourhood(db, 'Noord');
		const person = insertTestUser(db, { email: 'sessie@test.example' });
		const before = createSession(db, person.id, 0);
		assignBroker(db, admin.id, neighbourhoodId, 'sessie@test.example', 10);
		expect(validateSessionToken(db, before.token, 20).session).toBeNull();
		const asBroker = createSession(db, person.id, 30, true);
		removeBroker(db, admin.id, neighbourhoodId, person.id, 40);
		expect(validateSessionToken(db, asBroker.token, 50).session).toBeNull();
	});

	it('gives an admin who adds or removes themselves a new token on this device', () => {
		const db = createTestDb();
		const { admin, neighbourhoodId } = makeAdminNeighbourhood(db, 'Noord');
		const here = createSession(db, admin.id, 0, true);
		const added = assignBroker(db, admin.id, neighbourhoodId, admin.email!, 10, here.session);
		const renewed = added.ok ? added.renewed! : null;
		expect(renewed?.token).not.toBe(here.token);
		expect(validateSessionToken(db, here.token, 20).session).toBeNull();
		expect(validateSessionToken(db, renewed!.token, 20).session?.twoFactorVerified).toBe(true);
		const removed = removeBroker(db, admin.id, neighbourhoodId, admin.id, 30, renewed!.session);
		const again = removed.ok ? removed.renewed! : null;
		expect(validateSessionToken(db, renewed!.token, 40).session).toBeNull();
		expect(validateSessionToken(db, again!.token, 40).session?.twoFactorVerified).toBe(true);
	});

	it('keeps the broker role while the person still brokers another neighbourhood', () => {
		const db = createTestDb();
		const { admin, neighbourhoodId: north } = makeAdminNeighbourhood(db, 'Noord');
		const { neighbourhoodId: south } = makeAdminNeighbourhood(db, 'Zuid');
		const person = insertTestUser(db, { email: 'hasan@test.example' });
		assignBroker(db, admin.id, north, 'hasan@test.example', 0);
		assignBroker(db, admin.id, south, 'hasan@test.example', 0);
		expect(
			brokeredNeighbourhoods(db, { id: person.id, role: 'broker' }).map((n) => n.name)
		).toEqual(['Noord', 'Zuid']);
		expect(removeBroker(db, admin.id, north, person.id, 0)).toMatchObject({
			ok: true,
			role: 'broker'
		});
		expect(
			brokeredNeighbourhoods(db, { id: person.id, role: 'broker' }).map((n) => n.name)
		).toEqual(['Zuid']);
		expect(removeBroker(db, admin.id, south, person.id, 0)).toMatchObject({
			ok: true,
			role: 'resident'
		});
	});

	it('leaves an admin an admin, and shows admins every neighbourhood', () => {
		const db = createTestDb();
		const { admin, neighbourhoodId } = makeAdminNeighbourhood(db, 'Noord');
		makeAdminNeighbourhood(db, 'Zuid');
		expect(assignBroker(db, admin.id, neighbourhoodId, admin.email!, 0)).toMatchObject({
			ok: true,
			already: false
		});
		expect(removeBroker(db, admin.id, neighbourhoodId, admin.id, 0)).toMatchObject({
			ok: true,
			role: 'admin'
		});
		expect(db.select().from(users).where(eq(users.id, admin.id)).get()!.role).toBe('admin');
		expect(brokeredNeighbourhoods(db, { id: admin.id, role: 'admin' }).map((n) => n.name)).toEqual([
			'Noord',
			'Zuid'
		]);
	});

	it('says when no account has the address, or the account is suspended', () => {
		const db = createTestDb();
		const { admin, neighbourhoodId } = makeAdminNeighbourhood(db);
		insertTestUser(db, { email: 'weg@test.example', status: 'suspended' });
		expect(assignBroker(db, admin.id, neighbourhoodId, 'niemand@test.example', 0)).toEqual({
			ok: false,
			reason: 'no_account'
		});
		expect(assignBroker(db, admin.id, neighbourhoodId, 'weg@test.example', 0)).toEqual({
			ok: false,
			reason: 'not_active'
		});
		expect(assignBroker(db, admin.id, 999, admin.email!, 0)).toEqual({
			ok: false,
			reason: 'no_neighbourhood'
		});
		expect(db.select().from(neighbourhoodBrokers).all()).toEqual([]);
	});
});

describe('finding people', () => {
	it('finds people by part of their name or address, not deleted ones, and shows what they broker', () => {
		const db = createTestDb();
		const { admin, neighbourhoodId } = makeAdminNeighbourhood(db, 'Noord');
		const fatima = insertTestUser(db, {
			email: 'fatima@test.example',
			displayName: 'Fatima El Amrani',
			neighbourhoodId
		});
		insertTestUser(db, {
			email: 'ander@test.example',
			displayName: 'Fatimazahra',
			status: 'deleted'
		});
		insertTestUser(db, { email: 'jozef@test.example', displayName: 'Jozef' });
		assignBroker(db, admin.id, neighbourhoodId, 'fatima@test.example', 0);
		expect(findPeople(db, 'FATIMA')).toEqual([
			{
				id: fatima.id,
				displayName: 'Fatima El Amrani',
				email: 'fatima@test.example',
				role: 'broker',
				status: 'active',
				neighbourhood: 'Noord',
				brokerOf: ['Noord']
			}
		]);
		expect(findPeople(db, 'jozef@').map((p) => p.displayName)).toEqual(['Jozef']);
		// Wildcards are taken literally.
		expect(findPeople(db, '%')).toEqual([]);
	});
});
