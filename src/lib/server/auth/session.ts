import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { eq, sql } from 'drizzle-orm';
import { preparedOnce, type DbOrTx } from '../db/client';
import { sessions, users, type Role, type User } from '../db/schema';
import { hashToken, randomToken } from '../ids';

/** Sessions last 30 days and slide forward when used in their second half (Lucia's guide). */
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
const SESSION_REFRESH_MS = SESSION_LIFETIME_MS / 2;
export const SESSION_COOKIE = 'naburig_session';

/** The user fields the app may use; a whitelist, so hashes and private fields never travel. */
export interface SessionUser {
	id: string;
	displayName: string;
	email: string | null;
	emailVerified: boolean;
	role: Role;
	locale: string;
}

export interface SessionInfo {
	id: string;
	expiresAt: number;
	/** security: the second factor was entered in this session (optional for older callers). */
	twoFactorVerified?: boolean;
}

export function toSessionUser(u: User): SessionUser {
	return {
		id: u.id,
		displayName: u.displayName,
		email: u.email,
		emailVerified: u.emailVerifiedAt !== null,
		role: u.role,
		locale: u.locale
	};
}

/**
 * Creates a session and returns its token "<id>.<secret>". The database keeps the id and the
 * SHA-256 of the secret only.
 */
export function createSession(
	db: DbOrTx,
	userId: string,
	now: number
): { token: string; session: SessionInfo } {
	const id = randomToken(15);
	const secret = randomToken(20);
	const expiresAt = now + SESSION_LIFETIME_MS;
	db.insert(sessions)
		.values({ id, secretHash: hashToken(secret), userId, createdAt: now, expiresAt })
		.run();
	return { token: `${id}.${secret}`, session: { id, expiresAt } };
}

const sessionWithUser = preparedOnce((db) =>
	db
		.select({ session: sessions, user: users })
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		.where(eq(sessions.id, sql.placeholder('id')))
		.prepare()
);

export type SessionValidation =
	| { session: SessionInfo; user: SessionUser; refreshed: boolean }
	| { session: null; user: null; refreshed: false };

const none: SessionValidation = { session: null, user: null, refreshed: false };

/** Checks a token; deletes expired sessions, extends ones past half their life. */
export function validateSessionToken(db: DbOrTx, token: string, now: number): SessionValidation {
	const [id, secret] = token.split('.');
	if (!id || !secret) return none;
	const row = sessionWithUser(db).get({ id });
	if (!row) return none;
	const given = new TextEncoder().encode(hashToken(secret));
	const stored = new TextEncoder().encode(row.session.secretHash);
	if (!constantTimeEqual(given, stored)) return none;
	if (now >= row.session.expiresAt || row.user.status !== 'active') {
		db.delete(sessions).where(eq(sessions.id, id)).run();
		return none;
	}
	let expiresAt = row.session.expiresAt;
	let refreshed = false;
	if (now >= expiresAt - SESSION_REFRESH_MS) {
		expiresAt = now + SESSION_LIFETIME_MS;
		db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id)).run();
		refreshed = true;
	}
	return {
		// security: twoFactorVerified travels with the session for the guard.
		session: { id, expiresAt, twoFactorVerified: row.session.twoFactorVerified },
		user: toSessionUser(row.user),
		refreshed
	};
}

/** Ends one session. */
export function invalidateSession(db: DbOrTx, sessionId: string): void {
	db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Ends every session of a person ("sign out everywhere", password change, suspension). */
export function invalidateUserSessions(db: DbOrTx, userId: string): void {
	db.delete(sessions).where(eq(sessions.userId, userId)).run();
}
