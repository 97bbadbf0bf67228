import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createSession } from '../auth/session';
import { auditLog, services, sessions, users } from '../db/schema';
import { createTestDb, insertTestUser } from '../db/test-db';
import { makeBareNeighbourhood } from '../testing/neighbourhoods';
import {
	grantPartner,
	grantSteering,
	partnerServices,
	revokePartner,
	revokeSteering,
	startPageOf,
	steeringNeighbourhoods
} from './roles';

function setUp() {
	const db = createTestDb();
	const hood = makeBareNeighbourhood(db, { name: 'Oud-Oefenplein' });
	const ocmw = db
		.insert(services)
		.values({ neighbourhoodId: hood.id, name: 'OCMW', createdAt: 0 })
		.returning()
		.all()[0]!;
	const broker = insertTestUser(db, { role: 'broker', displayName: 'An' });
	const els = insertTestUser(db, { email: 'els@test.example', displayName: 'Els' });
	return { db, hood, ocmw, broker, els };
}

const roleOf = (db: ReturnType<typeof createTestDb>, id: string) =>
	db.select({ role: users.role }).from(users).where(eq(users.id, id)).get()!.role;
const actions = (db: ReturnType<typeof createTestDb>) =>
	db
		.select({ action: auditLog.action })
		.from(auditLog)
		.all()
		.map((a) => a.action);

describe('partner and steering roles', () => {
	it('a resident becomes a partner of one service, is signed out everywhere, and it is audited', () => {
		const { db, ocmw, broker, els } = setUp();
		createSession(db, els.id, 10);
		const r = grantPartner(db, broker.id, ocmw.id, ' ELS@test.example ', 20);
		expect(r).toMatchObject({ ok: true, already: false });
		expect(roleOf(db, els.id)).toBe('partner');
		expect(partnerServices(db, els.id).map((s) => s.serviceName)).toEqual(['OCMW']);
		expect(db.select().from(sessions).where(eq(sessions.userId, els.id)).all()).toEqual([]);
		expect(actions(db)).toEqual(['partner.grant']);
		// Twice changes nothing and is not audited again.
		expect(grantPartner(db, broker.id, ocmw.id, 'els@test.example', 21)).toMatchObject({
			ok: true,
			already: true
		});
		expect(actions(db)).toEqual(['partner.grant']);
	});

	it('taking the last link away makes the account a resident’s again', () => {
		const { db, ocmw, broker, els } = setUp();
		grantPartner(db, broker.id, ocmw.id, 'els@test.example', 20);
		const link = partnerServices(db, els.id)[0]!.linkId;
		expect(revokePartner(db, broker.id, link, 30)).toMatchObject({ ok: true, role: 'resident' });
		expect(partnerServices(db, els.id)).toEqual([]);
		expect(roleOf(db, els.id)).toBe('resident');
		expect(revokePartner(db, broker.id, link, 31)).toEqual({ ok: false });
		expect(actions(db)).toEqual(['partner.grant', 'partner.revoke']);
	});

	it('refuses brokers, admins, unknown addresses and a removed service', () => {
		const { db, ocmw, broker } = setUp();
		insertTestUser(db, { email: 'an2@test.example', role: 'broker' });
		expect(grantPartner(db, broker.id, ocmw.id, 'an2@test.example', 20)).toEqual({
			ok: false,
			reason: 'other_role'
		});
		expect(grantPartner(db, broker.id, ocmw.id, 'nobody@test.example', 20)).toEqual({
			ok: false,
			reason: 'no_account'
		});
		db.update(services).set({ removedAt: 5 }).where(eq(services.id, ocmw.id)).run();
		expect(grantPartner(db, broker.id, ocmw.id, 'els@test.example', 20)).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(actions(db)).toEqual([]);
	});

	it('a steering member reads the neighbourhoods given, until taken away; a partner cannot be one', () => {
		const { db, hood, ocmw, broker } = setUp();
		const wim = insertTestUser(db, { email: 'wim@test.example', displayName: 'Wim' });
		expect(grantSteering(db, broker.id, hood.id, 'wim@test.example', 20)).toMatchObject({
			ok: true
		});
		expect(roleOf(db, wim.id)).toBe('steering');
		expect(steeringNeighbourhoods(db, wim.id).map((n) => n.name)).toEqual(['Oud-Oefenplein']);
		grantPartner(db, broker.id, ocmw.id, 'els@test.example', 20);
		expect(grantSteering(db, broker.id, hood.id, 'els@test.example', 21)).toEqual({
			ok: false,
			reason: 'other_role'
		});
		const link = steeringNeighbourhoods(db, wim.id)[0]!.linkId;
		expect(revokeSteering(db, broker.id, link, 30)).toMatchObject({ ok: true, role: 'resident' });
		expect(steeringNeighbourhoods(db, wim.id)).toEqual([]);
		expect(actions(db)).toEqual(['steering.grant', 'partner.grant', 'steering.revoke']);
	});

	it('sends a work account to its own pages after signing in, everyone else home', () => {
		expect(startPageOf('partner')).toBe('/partner');
		expect(startPageOf('steering')).toBe('/steering');
		expect(startPageOf('broker')).toBe('/');
		expect(startPageOf('resident')).toBe('/');
	});
});
