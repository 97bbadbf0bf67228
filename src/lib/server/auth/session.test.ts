import { describe, expect, it } from 'vitest';
import { createTestDb, insertTestUser } from '../db/test-db';
import {
	createSession,
	invalidateSession,
	invalidateUserSessions,
	renewSession,
	renewSessionsAfterRoleChange,
	SESSION_LIFETIME_MS,
	validateSessionToken
} from './session';
import { sessions } from '../db/schema';
import { DAY } from '../testing/dates';

describe('sessions', () => {
	it('stores only a hash of the secret and validates the token', () => {
		const db = createTestDb();
		const user = insertTestUser(db, { displayName: 'Maria' });
		const { token } = createSession(db, user.id, 1_000);
		const row = db.select().from(sessions).get()!;
		expect(token.split('.')[0]).toBe(row.id);
		expect(row.secretHash).not.toContain(token.split('.')[1]!);
		const result = validateSessionToken(db, token, 2_000);
		expect(result.user?.displayName).toBe('Maria');
		expect(result.refreshed).toBe(false);
	});

	it('refuses a token whose secret was changed', () => {
		const db = createTestDb();
		const user = insertTestUser(db);
		const { token } = createSession(db, user.id, 0);
		const [id] = token.split('.');
		expect(
			validateSessionToken(db, `${id}.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`, 1).session
		).toBeNull();
	});

	it('slides the expiry forward in the second half of its life and deletes it once expired', () => {
		const db = createTestDb();
		const user = insertTestUser(db);
		const { token } = createSession(db, user.id, 0);
		const refreshed = validateSessionToken(db, token, 20 * DAY);
		expect(refreshed.refreshed).toBe(true);
		expect(refreshed.session?.expiresAt).toBe(20 * DAY + SESSION_LIFETIME_MS);
		expect(validateSessionToken(db, token, 20 * DAY + SESSION_LIFETIME_MS).session).toBeNull();
		expect(db.select().from(sessions).all()).toHaveLength(0);
	});

	it('ends one session, or all of a person', () => {
		const db = createTestDb();
		const user = insertTestUser(db);
		const a = createSession(db, user.id, 0);
		const b = createSession(db, user.id, 0);
		invalidateSession(db, a.session.id);
		expect(validateSessionToken(db, a.token, 1).session).toBeNull();
		expect(validateSessionToken(db, b.token, 1).session).not.toBeNull();
		invalidateUserSessions(db, user.id);
		expect(validateSessionToken(db, b.token, 1).session).toBeNull();
	});

	it('does not accept the session of a suspended person', () => {
		const db = createTestDb();
		const user = insertTestUser(db, { status: 'suspended' });
		const { token } = createSession(db, user.id, 0);
		expect(validateSessionToken(db, token, 1).user).toBeNull();
	});
});

describe('renewing sessions', () => {
	it('after the code step: a new token that passed it, and the old token no longer works', () => {
		const db = createTestDb();
		const user = insertTestUser(db);
		const old = createSession(db, user.id, 0);
		const renewed = renewSession(db, old.session.id, 10, true)!;
		expect(renewed.token).not.toBe(old.token);
		expect(validateSessionToken(db, old.token, 20).session).toBeNull();
		expect(validateSessionToken(db, renewed.token, 20).session?.twoFactorVerified).toBe(true);
		expect(renewSession(db, old.session.id, 30, true)).toBeNull();
	});

	it('after a role change: every session of the person ends', () => {
		const db = createTestDb();
		const user = insertTestUser(db);
		const other = insertTestUser(db);
		const phone = createSession(db, user.id, 0);
		const laptop = createSession(db, user.id, 0);
		const theirs = createSession(db, other.id, 0);
		expect(renewSessionsAfterRoleChange(db, user.id, 10)).toBeNull();
		expect(validateSessionToken(db, phone.token, 20).session).toBeNull();
		expect(validateSessionToken(db, laptop.token, 20).session).toBeNull();
		expect(validateSessionToken(db, theirs.token, 20).session).not.toBeNull();
	});

	it('after changing one’s own role: this device gets a new token with its code step kept', () => {
		const db = createTestDb();
		const admin = insertTestUser(db, { role: 'admin' });
		const here = createSession(db, admin.id, 0, true);
		const elsewhere = createSession(db, admin.id, 0, true);
		const renewed = renewSessionsAfterRoleChange(db, admin.id, 10, here.session)!;
		expect(renewed.token).not.toBe(here.token);
		expect(validateSessionToken(db, here.token, 20).session).toBeNull();
		expect(validateSessionToken(db, elsewhere.token, 20).session).toBeNull();
		expect(validateSessionToken(db, renewed.token, 20).session?.twoFactorVerified).toBe(true);
		// Someone else's session is never carried over to this person.
		const stranger = createSession(db, insertTestUser(db).id, 0);
		expect(renewSessionsAfterRoleChange(db, admin.id, 30, stranger.session)).toBeNull();
		expect(validateSessionToken(db, stranger.token, 40).session).not.toBeNull();
	});
});
