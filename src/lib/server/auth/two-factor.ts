import { and, eq, isNull } from 'drizzle-orm';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import type { DbOrTx } from '../db/client';
import { recoveryCodes, sessions, users, type Role } from '../db/schema';
import { hashToken, randomToken } from '../ids';
import { RateLimiter } from './rate-limit';

/** TOTP as authenticator apps expect it: 30-second steps, 6 digits (Lucia's guide). */
export const TOTP_PERIOD_S = 30;
export const TOTP_DIGITS = 6;
/** One step either side is accepted, for clocks that are a little off. */
const GRACE_STEPS = 1;
export const RECOVERY_CODE_COUNT = 8;

/** A new random 20-byte TOTP key. */
export function newTotpKey(): Uint8Array {
	const key = new Uint8Array(20);
	crypto.getRandomValues(key);
	return key;
}

/** The key as text for manual entry in an authenticator app (base32, upper case, no padding). */
export function totpKeyText(key: Uint8Array): string {
	return encodeBase32UpperCaseNoPadding(key);
}

/** The otpauth:// URI shown as a QR code. */
export function totpKeyUri(key: Uint8Array, accountName: string): string {
	return createTOTPKeyURI('Naburig', accountName, key, TOTP_PERIOD_S, TOTP_DIGITS);
}

function stepAt(now: number): number {
	return Math.floor(now / 1000 / TOTP_PERIOD_S);
}

/** The code for a key at a moment (used by tests and the demo). */
export function totpCodeAt(key: Uint8Array, now: number): string {
	return generateHOTP(key, BigInt(stepAt(now)), TOTP_DIGITS);
}

/**
 * The step a code belongs to, or null when it is not valid at `now` (within one step either side)
 * or belongs to a step at or before `lastStep` (already used: no replay).
 */
export function matchTotpStep(
	key: Uint8Array,
	code: string,
	now: number,
	lastStep: number | null
): number | null {
	const cleaned = code.replace(/\s+/g, '');
	if (!/^\d{6}$/.test(cleaned)) return null;
	const given = new TextEncoder().encode(cleaned);
	const current = stepAt(now);
	for (let step = current - GRACE_STEPS; step <= current + GRACE_STEPS; step++) {
		if (lastStep !== null && step <= lastStep) continue;
		const expected = new TextEncoder().encode(generateHOTP(key, BigInt(step), TOTP_DIGITS));
		if (constantTimeEqual(given, expected)) return step;
	}
	return null;
}

/**
 * For demo accounts whose key is the public demo key: the next code the server will accept (codes
 * are single use), or how many seconds until one is ready. Null for every other account. The
 * code is the freshest unused one (now's, or the next step's), never the step before now: that
 * one stops working at the next step boundary, which a person (or a test on a busy machine)
 * reading it off the page can cross before pressing "Verder".
 */
export function demoCodeHint(
	db: DbOrTx,
	userId: string,
	demoKey: Uint8Array,
	now: number
): { code: string } | { waitSeconds: number } | null {
	const row = db
		.select({ key: users.totpKey, last: users.totpLastStep })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	if (!row?.key || !constantTimeEqual(new Uint8Array(row.key), demoKey)) return null;
	const current = stepAt(now);
	const step = Math.max(current, (row.last ?? -Infinity) + 1);
	if (step > current + GRACE_STEPS)
		return { waitSeconds: Math.ceil(((step - GRACE_STEPS) * TOTP_PERIOD_S * 1000 - now) / 1000) };
	return { code: generateHOTP(demoKey, BigInt(step), TOTP_DIGITS) };
}

/** Whether a person has set up the second factor. */
export function hasTwoFactor(db: DbOrTx, userId: string): boolean {
	const row = db.select({ key: users.totpKey }).from(users).where(eq(users.id, userId)).get();
	return !!row?.key;
}

/**
 * Confirms setup: the code must match the new key. Stores the key, marks the session verified
 * and returns fresh recovery codes (shown once). Returns null when the code is wrong.
 */
export function confirmTwoFactorSetup(
	db: DbOrTx,
	userId: string,
	sessionId: string,
	key: Uint8Array,
	code: string,
	now: number
): string[] | null {
	const step = matchTotpStep(key, code, now, null);
	if (step === null) return null;
	db.update(users)
		.set({ totpKey: Buffer.from(key), totpLastStep: step })
		.where(eq(users.id, userId))
		.run();
	markSessionVerified(db, sessionId);
	return regenerateRecoveryCodes(db, userId, now);
}

/** Checks a code from the authenticator for a person with a second factor; no replays. */
export function verifyTwoFactorCode(
	db: DbOrTx,
	userId: string,
	code: string,
	now: number
): boolean {
	const row = db
		.select({ key: users.totpKey, last: users.totpLastStep })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	if (!row?.key) return false;
	const step = matchTotpStep(new Uint8Array(row.key), code, now, row.last);
	if (step === null) return false;
	db.update(users).set({ totpLastStep: step }).where(eq(users.id, userId)).run();
	return true;
}

function normaliseRecoveryCode(code: string): string {
	return code.replace(/[\s-]+/g, '').toLowerCase();
}

/** Replaces all recovery codes with RECOVERY_CODE_COUNT new ones; returns them for showing once. */
export function regenerateRecoveryCodes(db: DbOrTx, userId: string, now: number): string[] {
	db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
	const codes: string[] = [];
	for (let i = 0; i < RECOVERY_CODE_COUNT; i++) {
		const raw = randomToken(6).slice(0, 10);
		codes.push(`${raw.slice(0, 5)}-${raw.slice(5)}`);
		db.insert(recoveryCodes)
			.values({ codeHash: hashToken(raw), userId, createdAt: now })
			.run();
	}
	return codes;
}

/** Uses up a recovery code; true when it was valid and not used before. */
export function useRecoveryCode(db: DbOrTx, userId: string, code: string, now: number): boolean {
	const hash = hashToken(normaliseRecoveryCode(code));
	const used = db
		.update(recoveryCodes)
		.set({ usedAt: now })
		.where(
			and(
				eq(recoveryCodes.codeHash, hash),
				eq(recoveryCodes.userId, userId),
				isNull(recoveryCodes.usedAt)
			)
		)
		.returning({ h: recoveryCodes.codeHash })
		.all();
	return used.length === 1;
}

/** Marks a session as having passed the second factor. */
export function markSessionVerified(db: DbOrTx, sessionId: string): void {
	db.update(sessions).set({ twoFactorVerified: true }).where(eq(sessions.id, sessionId)).run();
}

export type TwoFactorDecision = 'ok' | 'setup' | 'verify';

/**
 * The guard's decision for confidential pages: brokers and admins everywhere, and desk staff on
 * the lending desk (which shows borrowers' names and the phone numbers of late loans). Residents
 * elsewhere are never asked; the others without a second factor must set it up; with one, the
 * session must be verified.
 */
export function twoFactorDecision(
	role: Role,
	hasSecondFactor: boolean,
	sessionVerified: boolean,
	deskStaff = false
): TwoFactorDecision {
	// Partners and the steering group (issue 21) see referrals and figures: a second factor too.
	const needsIt =
		role === 'broker' || role === 'admin' || role === 'partner' || role === 'steering';
	if (!needsIt && !deskStaff) return 'ok';
	if (!hasSecondFactor) return 'setup';
	return sessionVerified ? 'ok' : 'verify';
}

/** Where the guard sends someone, or null when they may go on. */
export function twoFactorRedirect(decision: TwoFactorDecision, next: string): string | null {
	if (decision === 'ok') return null;
	const base = decision === 'setup' ? '/account/two-factor' : '/sign-in/two-factor';
	return `${base}?next=${encodeURIComponent(next)}`;
}

/** Code attempts per person: five in a burst, then one a minute. */
export const twoFactorLimiter = new RateLimiter(5, 60_000);
