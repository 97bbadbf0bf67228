import { eq } from 'drizzle-orm';
import type { DB } from '../db/client';
import { users, type User } from '../db/schema';
import { log } from '../log';
import { enqueueMail } from '../mail/outbox';
import { findUserByEmail } from './accounts';
import { passwordChangedMail, resetPasswordMail } from './account-mails';
import {
	checkEmailToken,
	consumeEmailToken,
	createEmailToken,
	type TokenCheck
} from './email-tokens';
import { hashPassword } from './password';
import { limits, pairKey } from './rate-limit';
import { invalidateUserSessions } from './session';

export type ResetRequestResult = { ok: true } | { ok: false; reason: 'rate_limited' };

/**
 * Mails a reset link when the address belongs to an active account. The caller answers the same
 * whether or not it does, so the form cannot be used to find out who has an account. Limited per
 * (address, client) and per client address; an address gets at most a few mails an hour, whoever
 * asks, and a request in between sends none: the mail sent minutes before holds the newest link.
 */
export function requestPasswordReset(
	db: DB,
	email: string,
	client: string,
	origin: string,
	now: number
): ResetRequestResult {
	const address = email.toLowerCase();
	if (
		!limits.resetPerClient.consume(client, now) ||
		!limits.resetPerPair.consume(pairKey(address, client), now)
	) {
		log.warn('auth.rate_limited', { kind: 'reset_password', client });
		return { ok: false, reason: 'rate_limited' };
	}
	const user = findUserByEmail(db, address);
	if (!user?.email || user.status !== 'active') {
		log.info('auth.reset_requested', { client, known: false });
		return { ok: true };
	}
	// security: a new link ends the previous one, so spacing the mails also keeps each link usable.
	if (!limits.resetMailsPerAddress.consume(address, now)) {
		log.info('auth.reset_requested', { client, user: user.id, mail: 'recently_sent' });
		return { ok: true };
	}
	const to = user.email;
	db.transaction((tx) => {
		const token = createEmailToken(tx, user.id, 'reset_password', to, now);
		enqueueMail(tx, resetPasswordMail(user, to, `${origin}/reset-password/${token}`), now);
	});
	log.info('auth.reset_requested', { client, user: user.id });
	return { ok: true };
}

/** Looks a reset link up without using it: opening the link must change nothing. */
export function checkResetToken(db: DB, token: string, now: number): TokenCheck {
	return checkEmailToken(db, token, ['reset_password'], now);
}

export type ResetResult =
	{ ok: true; user: User } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

/**
 * Uses a reset link once: sets the new password, ends every session of the person, and marks
 * the address verified (the link reached it). A link sent to an address the account no longer
 * has does not work, so an old mailbox cannot take an account back.
 */
export async function resetPassword(
	db: DB,
	token: string,
	newPassword: string,
	origin: string,
	now: number
): Promise<ResetResult> {
	// Checked first so a bad link costs no argon2 hash; checked again when it is used.
	const early = checkResetToken(db, token, now);
	if (!early.ok) return early;
	// Hashing is async and better-sqlite3 transactions are synchronous: hash before.
	const passwordHash = await hashPassword(newPassword);
	const result = db.transaction((tx): ResetResult => {
		const check = consumeEmailToken(tx, token, ['reset_password'], now);
		if (!check.ok) return check;
		const current = tx.select().from(users).where(eq(users.id, check.userId)).get();
		if (!current?.email || current.status !== 'active' || current.email !== check.email) {
			return { ok: false, reason: 'invalid' };
		}
		const user = tx
			.update(users)
			.set({ passwordHash, emailVerifiedAt: current.emailVerifiedAt ?? now })
			.where(eq(users.id, current.id))
			.returning()
			.all()[0]!;
		invalidateUserSessions(tx, user.id);
		enqueueMail(tx, passwordChangedMail(user, current.email, `${origin}/reset-password`), now);
		return { ok: true, user };
	});
	if (result.ok) {
		// The link was used: a new request may mail at once.
		limits.resetMailsPerAddress.reset(result.user.email!);
		log.info('auth.password_reset', { user: result.user.id });
	}
	return result;
}
