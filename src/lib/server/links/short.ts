import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { and, eq, gt, lte } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { shortLinks } from '../db/schema';
import { days } from '../calendar';
import { hashToken, randomToken } from '../ids';

/** A short link works as long as the longest personal link it may stand for (follow-ups: 30 days). */
export const SHORT_LINK_DAYS = 30;

/**
 * 8 random bytes: 13 characters, few enough for an SMS, 2^64 to guess; a wrong guess only
 * leads to a page that itself needs its own token or a sign-in.
 */
const TOKEN_BYTES = 8;

/**
 * The long address may hold a secret (a follow-up link's token), so it is stored sealed with a
 * key made from the short token, which only the SMS holds: a copy of the database opens nothing.
 */
function keyOf(token: string): Buffer {
	return Buffer.from(hkdfSync('sha256', token, 'naburig', 'short-link', 32));
}

function seal(target: string, token: string): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', keyOf(token), iv);
	const body = Buffer.concat([cipher.update(target, 'utf8'), cipher.final()]);
	return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

function open(sealed: string, token: string): string | null {
	try {
		const raw = Buffer.from(sealed, 'base64url');
		const decipher = createDecipheriv('aes-256-gcm', keyOf(token), raw.subarray(0, 12));
		decipher.setAuthTag(raw.subarray(12, 28));
		return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
	} catch {
		return null;
	}
}

/** Only a path on this site: a short link never leads elsewhere, whoever made the row. */
function isSitePath(target: string): boolean {
	return target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\');
}

/**
 * Makes a short link to a page of this site (a path, e.g. "/follow-up/abc…") and returns its
 * path "/s/<token>". Call it in the transaction of the message that carries it.
 */
export function createShortLink(
	tx: DbOrTx,
	{ userId, target, now }: { userId: string | null; target: string; now: number }
): string {
	if (!isSitePath(target)) throw new Error(`A short link leads to a path on this site: ${target}`);
	const token = randomToken(TOKEN_BYTES);
	tx.insert(shortLinks)
		.values({
			tokenHash: hashToken(token),
			userId,
			target: seal(target, token),
			createdAt: now,
			expiresAt: now + days(SHORT_LINK_DAYS)
		})
		.run();
	return `/s/${token}`;
}

/** The page a short link leads to, or null when it is unknown or too old. */
export function resolveShortLink(db: DbOrTx, token: string, now: number): string | null {
	if (!/^[a-z2-7]{1,32}$/.test(token)) return null;
	const row = db
		.select({ target: shortLinks.target })
		.from(shortLinks)
		.where(and(eq(shortLinks.tokenHash, hashToken(token)), gt(shortLinks.expiresAt, now)))
		.get();
	const target = row ? open(row.target, token) : null;
	return target && isSitePath(target) ? target : null;
}

/** Old short links are of no use to anyone: removed by the daily job. */
export function pruneShortLinks(db: DbOrTx, now: number): number {
	return db.delete(shortLinks).where(lte(shortLinks.expiresAt, now)).run().changes;
}
