import { randomInt, timingSafeEqual } from 'node:crypto';
import { and, count, eq, gt } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { toLocale } from '$lib/i18n';
import { countryCodeFor, toE164 } from '$lib/phone';
import { recordAudit } from '../audit/audit';
import type { DbOrTx } from '../db/client';
import { neighbourhoods, outbox, phoneChecks, trustBadges, users } from '../db/schema';
import { hashToken, randomToken } from '../ids';
import { wakeWorkers } from '../notify/rows';
import { countsNow } from '../trust/badges';

/** A code counts for 10 minutes: long enough to find the phone, short enough to guess nothing. */
export const CODE_LIFETIME_MS = 10 * 60_000;
/** Wrong tries per code; then a new code is needed. Five tries of a million codes guess nothing. */
export const MAX_CODE_ATTEMPTS = 5;
/** Codes sent per person per hour: each costs money and lands on someone's phone. */
export const MAX_CODES_PER_HOUR = 3;
const HOUR = 60 * 60_000;
/** The outbox kind of the SMS with the code; also how codes sent are counted for the limit. */
export const PHONE_CODE_KIND = 'phone_code';

export type RequestCodeResult =
	| { ok: true; phone: string; expiresAt: number }
	| { ok: false; error: 'phone_invalid' | 'rate_limited' | 'sms_stopped' | 'no_person' };

export type ConfirmCodeResult =
	| { ok: true; phone: string }
	| {
			ok: false;
			error: 'no_code' | 'expired' | 'too_many' | 'wrong';
			/** For 'wrong': tries left with this code. */
			left?: number;
	  };

/**
 * Whether a number can receive SMS: in Belgium and the Netherlands only mobile numbers do
 * (+32 4…, +31 6…); a landline such as 015 20 30 40 would swallow the code. Others are trusted.
 */
export function canTakeSms(e164: string): boolean {
	if (e164.startsWith('+32')) return /^\+324\d{8}$/.test(e164);
	if (e164.startsWith('+31')) return /^\+316\d{8}$/.test(e164);
	return true;
}

// The user id is part of what is hashed, so one person's code hash says nothing about another's.
const codeHash = (userId: string, code: string) => hashToken(`${userId}:${code}`);

function person(tx: DbOrTx, userId: string) {
	return tx
		.select({
			locale: users.locale,
			status: users.status,
			smsStoppedAt: users.smsStoppedAt,
			neighbourhoodId: users.neighbourhoodId,
			timeZone: neighbourhoods.timeZone
		})
		.from(users)
		.leftJoin(neighbourhoods, eq(neighbourhoods.id, users.neighbourhoodId))
		.where(eq(users.id, userId))
		.get();
}

/**
 * Sends a six-digit code by SMS to the number a person typed, to prove it is theirs: only the
 * code's hash is kept (one per person; a new code replaces the old), and the SMS goes through
 * the outbox in this transaction. At most MAX_CODES_PER_HOUR per person per hour.
 */
export function requestPhoneCode(
	tx: DbOrTx,
	userId: string,
	phone: string,
	now: number
): RequestCodeResult {
	const who = person(tx, userId);
	if (!who || who.status !== 'active') return { ok: false, error: 'no_person' };
	const e164 = toE164(phone, countryCodeFor(who.timeZone));
	if (!e164 || !canTakeSms(e164)) return { ok: false, error: 'phone_invalid' };
	// They replied STOP: an SMS would be refused anyway; the page offers to switch SMS on first.
	if (who.smsStoppedAt !== null) return { ok: false, error: 'sms_stopped' };
	const sent = tx
		.select({ n: count() })
		.from(outbox)
		.where(
			and(
				eq(outbox.userId, userId),
				eq(outbox.kind, PHONE_CODE_KIND),
				gt(outbox.createdAt, now - HOUR)
			)
		)
		.get()!.n;
	if (sent >= MAX_CODES_PER_HOUR) return { ok: false, error: 'rate_limited' };

	const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
	const expiresAt = now + CODE_LIFETIME_MS;
	const check = {
		phone: e164,
		codeHash: codeHash(userId, code),
		attempts: 0,
		createdAt: now,
		expiresAt
	};
	tx.insert(phoneChecks)
		.values({ userId, ...check })
		.onConflictDoUpdate({ target: phoneChecks.userId, set: check })
		.run();
	const locale = toLocale(who.locale);
	const text = m.sms_code_text({ code }, { locale });
	tx.insert(outbox)
		.values({
			messageId: `<${randomToken(16)}@naburig>`,
			channel: 'sms',
			topic: 'account',
			kind: PHONE_CODE_KIND,
			toAddress: e164,
			userId,
			locale,
			subject: m.sms_code_subject({}, { locale }),
			shortText: text,
			textBody: text,
			htmlBody: '',
			nextAttemptAt: now,
			createdAt: now
		})
		.run();
	// The person waits at the screen: the worker takes it at once (account rows go first).
	wakeWorkers();
	return { ok: true, phone: e164, expiresAt };
}

/**
 * Checks a code the person typed. The right one, in time and within MAX_CODE_ATTEMPTS tries,
 * makes the number theirs (E.164), verified now, and gives the "phone verified" badge, earned
 * by the person alone (no broker granted it). Wrong tries are counted in this transaction.
 */
export function confirmPhoneCode(
	tx: DbOrTx,
	userId: string,
	code: string,
	now: number
): ConfirmCodeResult {
	const check = tx.select().from(phoneChecks).where(eq(phoneChecks.userId, userId)).get();
	if (!check) return { ok: false, error: 'no_code' };
	if (check.expiresAt <= now) return { ok: false, error: 'expired' };
	if (check.attempts >= MAX_CODE_ATTEMPTS) return { ok: false, error: 'too_many' };
	const given = Buffer.from(codeHash(userId, code.replace(/\s/g, '')));
	if (!timingSafeEqual(given, Buffer.from(check.codeHash))) {
		const attempts = check.attempts + 1;
		tx.update(phoneChecks).set({ attempts }).where(eq(phoneChecks.userId, userId)).run();
		if (attempts >= MAX_CODE_ATTEMPTS) return { ok: false, error: 'too_many' };
		return { ok: false, error: 'wrong', left: MAX_CODE_ATTEMPTS - attempts };
	}
	tx.delete(phoneChecks).where(eq(phoneChecks.userId, userId)).run();
	const who = tx
		.update(users)
		.set({ phone: check.phone, phoneVerifiedAt: now })
		.where(eq(users.id, userId))
		.returning({ neighbourhoodId: users.neighbourhoodId })
		.all()[0]!;
	const holds = tx
		.select({ id: trustBadges.id })
		.from(trustBadges)
		.where(
			and(eq(trustBadges.userId, userId), eq(trustBadges.kind, 'phone_verified'), countsNow(now))
		)
		.get();
	if (!holds)
		tx.insert(trustBadges)
			.values({
				userId,
				kind: 'phone_verified',
				// Earned by the person with the code: no broker granted it (see trust/record.ts).
				grantedById: null,
				grantedAt: now,
				checkedAt: now,
				note: ''
			})
			.run();
	recordAudit(
		tx,
		{
			actorId: userId,
			action: 'phone.verify',
			subjectType: 'user',
			subjectId: userId,
			neighbourhoodId: who.neighbourhoodId
		},
		now
	);
	return { ok: true, phone: check.phone };
}

/**
 * The person's phone number changed (profile, or a broker at intake): it is no longer proved,
 * so `phoneVerifiedAt` is cleared and the "phone verified" badge ends, without a broker and
 * without a reason (trust/record.ts reads that as "number changed"). Logged when it ended one.
 */
export function withdrawPhoneVerification(
	tx: DbOrTx,
	userId: string,
	actorId: string,
	now: number
): void {
	tx.update(users).set({ phoneVerifiedAt: null }).where(eq(users.id, userId)).run();
	tx.delete(phoneChecks).where(eq(phoneChecks.userId, userId)).run();
	const ended = tx
		.update(trustBadges)
		.set({ revokedAt: now, revokedById: null, revokeReason: null })
		.where(
			and(eq(trustBadges.userId, userId), eq(trustBadges.kind, 'phone_verified'), countsNow(now))
		)
		.returning({ id: trustBadges.id })
		.all();
	if (ended.length === 0) return;
	const who = tx
		.select({ neighbourhoodId: users.neighbourhoodId })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	recordAudit(
		tx,
		{
			actorId,
			action: 'phone.unverify',
			subjectType: 'user',
			subjectId: userId,
			neighbourhoodId: who?.neighbourhoodId ?? null,
			detail: { badges: ended.map((b) => b.id) }
		},
		now
	);
}

/** What /account/phone shows: the number, whether it is proved, STOP, and a code on its way. */
export function phoneStatus(db: DbOrTx, userId: string, now: number) {
	const u = db
		.select({
			phone: users.phone,
			verifiedAt: users.phoneVerifiedAt,
			stoppedAt: users.smsStoppedAt
		})
		.from(users)
		.where(eq(users.id, userId))
		.get();
	const check = db.select().from(phoneChecks).where(eq(phoneChecks.userId, userId)).get();
	const pending =
		check && check.expiresAt > now && check.attempts < MAX_CODE_ATTEMPTS
			? { phone: check.phone, expiresAt: check.expiresAt, left: MAX_CODE_ATTEMPTS - check.attempts }
			: null;
	return {
		phone: u?.phone ?? null,
		verified: u?.verifiedAt != null,
		stopped: u?.stoppedAt != null,
		pending
	};
}
