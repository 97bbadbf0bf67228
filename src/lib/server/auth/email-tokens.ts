import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { emailTokens, type EmailTokenPurpose } from '../db/schema';
import { hashToken, randomToken } from '../ids';

const HOUR = 60 * 60 * 1000;

/** How long each kind of link works. Reset links are short-lived because they grant access. */
export const TOKEN_LIFETIME_MS: Record<EmailTokenPurpose, number> = {
	verify_email: 48 * HOUR,
	change_email: 48 * HOUR,
	reset_password: 1 * HOUR
};

/**
 * Creates a single-use link token and returns it; only its hash is stored. Older unused tokens
 * of the same purpose stop working, so only the newest mail's link counts.
 */
export function createEmailToken(
	tx: DbOrTx,
	userId: string,
	purpose: EmailTokenPurpose,
	email: string | null,
	now: number
): string {
	tx.update(emailTokens)
		.set({ usedAt: now })
		.where(
			and(
				eq(emailTokens.userId, userId),
				eq(emailTokens.purpose, purpose),
				isNull(emailTokens.usedAt)
			)
		)
		.run();
	const token = randomToken(20);
	tx.insert(emailTokens)
		.values({
			tokenHash: hashToken(token),
			userId,
			purpose,
			email,
			createdAt: now,
			expiresAt: now + TOKEN_LIFETIME_MS[purpose]
		})
		.run();
	return token;
}

export type TokenCheck =
	| { ok: true; userId: string; email: string | null; purpose: EmailTokenPurpose }
	| { ok: false; reason: 'invalid' | 'expired' | 'used' };

/** Looks a token up without using it (for the page that shows the confirm button). */
export function checkEmailToken(
	db: DbOrTx,
	token: string,
	purposes: EmailTokenPurpose[],
	now: number
): TokenCheck {
	const row = db
		.select()
		.from(emailTokens)
		.where(eq(emailTokens.tokenHash, hashToken(token)))
		.get();
	if (!row || !purposes.includes(row.purpose)) return { ok: false, reason: 'invalid' };
	if (row.usedAt !== null) return { ok: false, reason: 'used' };
	if (now >= row.expiresAt) return { ok: false, reason: 'expired' };
	return { ok: true, userId: row.userId, email: row.email, purpose: row.purpose };
}

/** Uses a token once: the update only succeeds for an unused, unexpired token. */
export function consumeEmailToken(
	tx: DbOrTx,
	token: string,
	purposes: EmailTokenPurpose[],
	now: number
): TokenCheck {
	const check = checkEmailToken(tx, token, purposes, now);
	if (!check.ok) return check;
	const used = tx
		.update(emailTokens)
		.set({ usedAt: now })
		.where(and(eq(emailTokens.tokenHash, hashToken(token)), isNull(emailTokens.usedAt)))
		.returning({ userId: emailTokens.userId })
		.all()[0];
	return used ? check : { ok: false, reason: 'used' };
}
