import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DB } from '../../db/client';
import { createSession, toSessionUser, validateSessionToken } from '../../auth/session';
import { insertTestUser } from '../../db/test-db';
import { auditLog, neighbourhoodBrokers, outbox, tasks, users } from '../../db/schema';
import { deskNeighbourhood, isDeskStaff } from './access';
import { grantDeskRole, listDeskStaff, removeDeskRole } from './staff';
import { makeLendingNeighbourhood, NOW } from '../../testing/lending';
import { describeTask } from '../../tasks/describe';

let db: DB;
let hoodId: number;

beforeEach(() => {
	({ db, hoodId } = makeLendingNeighbourhood());
});

describe('desk access', () => {
	it('lets brokers, admins and desk staff in, refuses residents', () => {
		const resident = insertTestUser(db);
		const broker = insertTestUser(db, { role: 'broker' });
		const admin = insertTestUser(db, { role: 'admin' });
		db.insert(neighbourhoodBrokers).values({ neighbourhoodId: hoodId, userId: broker.id }).run();
		expect(isDeskStaff(db, resident.id, hoodId)).toBe(false);
		expect(isDeskStaff(db, broker.id, hoodId)).toBe(true);
		expect(isDeskStaff(db, admin.id, hoodId)).toBe(true);
		grantDeskRole(db, hoodId, resident.email!, admin.id, NOW);
		expect(isDeskStaff(db, resident.id, hoodId)).toBe(true);
	});

	it('finds no desk for an admin without a neighbourhood of their own, rather than guessing one', () => {
		const homeless = insertTestUser(db, { role: 'admin' });
		const living = insertTestUser(db, { role: 'admin', neighbourhoodId: hoodId });
		expect(deskNeighbourhood(db, toSessionUser(homeless))).toBeNull();
		expect(deskNeighbourhood(db, toSessionUser(living))).toBe(hoodId);
	});

	it('ends the sessions of a person given the desk role, so they sign in again', () => {
		const resident = insertTestUser(db);
		const admin = insertTestUser(db, { role: 'admin' });
		const before = createSession(db, resident.id, NOW);
		grantDeskRole(db, hoodId, resident.email!, admin.id, NOW + 1);
		expect(validateSessionToken(db, before.token, NOW + 2).session).toBeNull();
	});

	it('ends the sessions of a person whose desk role is taken away', () => {
		const resident = insertTestUser(db);
		const broker = insertTestUser(db, { role: 'broker' });
		grantDeskRole(db, hoodId, resident.email!, broker.id, NOW);
		const before = createSession(db, resident.id, NOW + 1);
		removeDeskRole(db, hoodId, resident.id, broker.id, NOW + 2);
		expect(validateSessionToken(db, before.token, NOW + 3).session).toBeNull();
	});
});

describe('taking the desk role away', () => {
	it('ends desk access, logs who did it, and thanks the person, all at once', () => {
		const volunteer = insertTestUser(db, { displayName: 'Vera Peeters', locale: 'en' });
		const broker = insertTestUser(db, { role: 'broker' });
		grantDeskRole(db, hoodId, volunteer.email!, broker.id, NOW);

		expect(removeDeskRole(db, hoodId, volunteer.id, broker.id, NOW + 1000)).toBe(true);

		expect(isDeskStaff(db, volunteer.id, hoodId)).toBe(false);
		expect(listDeskStaff(db, hoodId)).toEqual([]);
		const audit = db.select().from(auditLog).where(eq(auditLog.action, 'desk.staff_remove')).get()!;
		expect(audit).toMatchObject({
			actorId: broker.id,
			subjectType: 'user',
			subjectId: volunteer.id,
			neighbourhoodId: hoodId,
			at: NOW + 1000
		});
		const mail = db.select().from(outbox).where(eq(outbox.userId, volunteer.id)).get()!;
		expect(mail.kind).toBe('desk_role_removed');
		expect(mail.subject).toContain('Testwijk');
		expect(mail.textBody).toContain('Vera');
	});

	it('changes nothing for someone without the role', () => {
		const resident = insertTestUser(db);
		const broker = insertTestUser(db, { role: 'broker' });
		expect(removeDeskRole(db, hoodId, resident.id, broker.id, NOW)).toBe(false);
		expect(db.select().from(auditLog).all()).toEqual([]);
		expect(db.select().from(outbox).all()).toEqual([]);
	});

	it('becomes a call for the broker when the person has no e-mail', () => {
		const volunteer = insertTestUser(db, { displayName: 'Jef' });
		const broker = insertTestUser(db, { role: 'broker' });
		grantDeskRole(db, hoodId, volunteer.email!, broker.id, NOW);
		db.update(users).set({ email: null }).where(eq(users.id, volunteer.id)).run();
		expect(removeDeskRole(db, hoodId, volunteer.id, broker.id, NOW)).toBe(true);
		expect(db.select().from(outbox).all()).toEqual([]);
		expect(db.select().from(tasks).where(eq(tasks.subjectUserId, volunteer.id)).get()!.kind).toBe(
			'call_resident'
		);
	});

	it('as a call reads in the language of the broker who reads it', () => {
		const volunteer = insertTestUser(db, { displayName: 'Jef' });
		const broker = insertTestUser(db, { role: 'broker' });
		grantDeskRole(db, hoodId, volunteer.email!, broker.id, NOW);
		db.update(users).set({ email: null }).where(eq(users.id, volunteer.id)).run();
		removeDeskRole(db, hoodId, volunteer.id, broker.id, NOW);
		const call = db.select().from(tasks).where(eq(tasks.subjectUserId, volunteer.id)).get()!;
		expect(describeTask(call, 'Jef', 'en').subject).toMatch(/^You no longer run the lending desk/);
		expect(describeTask(call, 'Jef', 'nl').subject).toMatch(/^Je doet de uitleenbalie van/);
	});
});
