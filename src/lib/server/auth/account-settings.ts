import { and, desc, eq, gt, isNull, ne } from 'drizzle-orm';
import type { DB } from '../db/client';
import { emailTokens, sessions, users, type User } from '../db/schema';
import { log } from '../log';
import { enqueueMail } from '../mail/outbox';
import { findUserByEmail, resendVerification } from './accounts';
import {
	confirmNewEmailMail,
	emailChangeNoticeMail,
	emailInUseMail,
	passwordChangedMail
} from './account-mails';
import { createEmailToken } from './email-tokens';
import { hashPassword, verifyPassword } from './password';
import { limits } from './rate-limit';
import { invalidateUserSessions } from './session';

/** The full row of a signed-in person; the session only carries a whitelist of fields. */
export function loadUser(db: DB, userId: string): User {
	const user = db.select().from(users).where(eq(users.id, userId)).get();
	if (!user) throw new Error(`No user ${userId}`);
	return user;
}

export type PasswordCheck = 'ok' | 'wrong_password' | 'rate_limited';

/**
 * Checks the password a signed-in person typed again before a sensitive change. Guesses wait
 * longer and longer, so a borrowed session cannot be used to guess.
 */
export async function confirmPassword(
	user: User,
	password: string,
	now: number
): Promise<PasswordCheck> {
	if (!limits.confirmPasswordPerAccount.consume(user.id, now)) return 'rate_limited';
	const valid = user.passwordHash ? await verifyPassword(user.passwordHash, password) : false;
	if (!valid) {
		log.info('account.password_check_failed', { user: user.id });
		return 'wrong_password';
	}
	limits.confirmPasswordPerAccount.reset(user.id);
	return 'ok';
}

/** What the account page shows about the address. */
export function accountOverview(db: DB, userId: string, now: number) {
	const user = loadUser(db, userId);
	const pending = db
		.select({ email: emailTokens.email })
		.from(emailTokens)
		.where(
			and(
				eq(emailTokens.userId, userId),
				eq(emailTokens.purpose, 'change_email'),
				isNull(emailTokens.usedAt),
				gt(emailTokens.expiresAt, now)
			)
		)
		.orderBy(desc(emailTokens.createdAt))
		.get();
	return {
		email: user.email,
		emailVerified: user.emailVerifiedAt !== null,
		pendingEmail: pending?.email ?? null
	};
}

export type ResendResult =
	{ ok: true; email: string } | { ok: false; reason: 'rate_limited' | 'not_needed' };

/** Sends the verification link again, a few times per quarter hour at most. */
export function resendVerificationMail(
	db: DB,
	userId: string,
	origin: string,
	now: number
): ResendResult {
	const user = loadUser(db, userId);
	if (!user.email || user.emailVerifiedAt) return { ok: false, reason: 'not_needed' };
	if (!limits.accountMailsPerAccount.consume(user.id, now))
		return { ok: false, reason: 'rate_limited' };
	resendVerification(db, user, origin, now);
	return { ok: true, email: user.email };
}

export type EmailChangeResult =
	{ ok: true } | { ok: false; reason: 'same_address' | PasswordCheck };

/**
 * Starts a change of address: a link to the new address (the address changes only when it is
 * used, see verifyEmail) and a notice to the old one. When the new address already belongs to
 * someone, that person is told instead, and everything the asker can see stays the same.
 */
export async function requestEmailChange(
	db: DB,
	userId: string,
	input: { email: string; password: string },
	origin: string,
	now: number
): Promise<EmailChangeResult> {
	const user = loadUser(db, userId);
	const newAddress = input.email.toLowerCase();
	if (newAddress === user.email) return { ok: false, reason: 'same_address' };
	const check = await confirmPassword(user, input.password, now);
	if (check !== 'ok') return { ok: false, reason: check };
	if (!limits.accountMailsPerAccount.consume(user.id, now))
		return { ok: false, reason: 'rate_limited' };
	const owner = findUserByEmail(db, newAddress);
	db.transaction((tx) => {
		// A token is made in both cases so the account page looks the same; only a free address
		// gets the link.
		const token = createEmailToken(tx, user.id, 'change_email', newAddress, now);
		if (!owner)
			enqueueMail(
				tx,
				confirmNewEmailMail(user, newAddress, `${origin}/verify-email/${token}`),
				now
			);
		else if (owner.status === 'active')
			enqueueMail(tx, emailInUseMail(owner, newAddress, `${origin}/sign-in`), now);
		if (user.email) {
			enqueueMail(
				tx,
				emailChangeNoticeMail(user, user.email, newAddress, `${origin}/reset-password`),
				now
			);
		}
	});
	log.info('account.email_change_requested', { user: user.id });
	return { ok: true };
}

export type PasswordChangeResult =
	{ ok: true } | { ok: false; reason: Exclude<PasswordCheck, 'ok'> };

/**
 * Sets a new password after checking the current one, ends every OTHER session of the person
 * (the one in use stays), voids open reset links and mails a notice.
 */
export async function changePassword(
	db: DB,
	userId: string,
	keepSessionId: string,
	input: { currentPassword: string; newPassword: string },
	origin: string,
	now: number
): Promise<PasswordChangeResult> {
	const user = loadUser(db, userId);
	const check = await confirmPassword(user, input.currentPassword, now);
	if (check !== 'ok') return { ok: false, reason: check };
	const passwordHash = await hashPassword(input.newPassword);
	db.transaction((tx) => {
		tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
		tx.delete(sessions)
			.where(and(eq(sessions.userId, user.id), ne(sessions.id, keepSessionId)))
			.run();
		tx.update(emailTokens)
			.set({ usedAt: now })
			.where(
				and(
					eq(emailTokens.userId, user.id),
					eq(emailTokens.purpose, 'reset_password'),
					isNull(emailTokens.usedAt)
				)
			)
			.run();
		if (user.email)
			enqueueMail(tx, passwordChangedMail(user, user.email, `${origin}/reset-password`), now);
	});
	log.info('account.password_changed', { user: user.id });
	return { ok: true };
}

/** Ends every session of the person, the current one included. */
export function signOutEverywhere(db: DB, userId: string): void {
	invalidateUserSessions(db, userId);
	log.info('account.signed_out_everywhere', { user: userId });
}
