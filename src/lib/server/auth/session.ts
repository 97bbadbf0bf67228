import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { and, eq, sql } from 'drizzle-orm';
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
	now: number,
	twoFactorVerified = false
): { token: string; session: SessionInfo } {
	const id = randomToken(15);
	const secret = randomToken(20);
	const expiresAt = now + SESSION_LIFETIME_MS;
	db.insert(sessions)
		.values({
			id,
			secretHash: hashToken(secret),
			userId,
			createdAt: now,
			expiresAt,
			twoFactorVerified
		})
		.run();
	return { token: `${id}.${secret}`, session: { id, expiresAt, twoFactorVerified } };
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

/**
 * security: replaces a session by a new one of the same person (new id and secret; the old token
 * stops working), when the session gains rights, e.g. once the second factor is entered: a token
 * someone saw before that step is worth nothing after it. Null when the session is gone.
 */
export function renewSession(
	db: DbOrTx,
	sessionId: string,
	now: number,
	twoFactorVerified: boolean
): { token: string; session: SessionInfo } | null {
	const old = db
		.delete(sessions)
		.where(eq(sessions.id, sessionId))
		.returning({ userId: sessions.userId })
		.all()[0];
	return old ? createSession(db, old.userId, now, twoFactorVerified) : null;
}

/**
 * security: after a person's role, or their place among a neighbourhood's brokers or desk staff,
 * changed: every session of theirs ends, so each device comes back through sign-in (and the
 * code step) with a session made for what they may do now. When they made the change themselves,
 * `current` (their session on this device) is replaced by a new one instead, keeping its code
 * step; its token is returned for the cookie. Call it in the transaction that makes the change.
 */
export function renewSessionsAfterRoleChange(
	db: DbOrTx,
	userId: string,
	now: number,
	current?: { id: string } | null
): { token: string; session: SessionInfo } | null {
	const own = current
		? db
				.select({ verified: sessions.twoFactorVerified })
				.from(sessions)
				.where(and(eq(sessions.id, current.id), eq(sessions.userId, userId)))
				.get()
		: undefined;
	invalidateUserSessions(db, userId);
	return own ? createSession(db, userId, now, own.verified) : null;
}
