import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../db/client';
import { createTestDb, insertTestUser } from '../db/test-db';
import { auditLog, outbox, phoneChecks, trustBadges, users } from '../db/schema';
import { MINUTE } from '../testing/dates';
import { makeBareNeighbourhood } from '../testing/neighbourhoods';
import { activeBadges } from '../trust/badges';
import { badgeRecord } from '../trust/record';
import {
	CODE_LIFETIME_MS,
	confirmPhoneCode,
	requestPhoneCode,
	withdrawPhoneVerification
} from './verify';

const T0 = Date.UTC(2026, 11, 4, 10, 0);

let db: DB;
let userId: string;

/** The code as the person reads it: from the SMS the outbox holds. */
function lastCode(): string {
	const row = db.select().from(outbox).where(eq(outbox.userId, userId)).all().at(-1)!;
	return /(\d{6})/.exec(row.shortText!)![1]!;
}

const ask = (at: number, phone = '0470 11 22 33') =>
	db.transaction((tx) => requestPhoneCode(tx, userId, phone, at));
const give = (code: string, at: number) =>
	db.transaction((tx) => confirmPhoneCode(tx, userId, code, at));
const wrong = (code: string) => (code === '000000' ? '000001' : '000000');

beforeEach(() => {
	db = createTestDb();
	const n = makeBareNeighbourhood(db, { timeZone: 'Europe/Brussels' });
	userId = insertTestUser(db, { neighbourhoodId: n.id, locale: 'nl', phone: '015 20 30 40' }).id;
});

describe('requestPhoneCode', () => {
	it('puts an SMS with a six-digit code in the outbox and keeps only its hash', () => {
		expect(ask(T0)).toEqual({ ok: true, phone: '+32470112233', expiresAt: T0 + CODE_LIFETIME_MS });
		const [sms] = db.select().from(outbox).all();
		expect(sms).toMatchObject({ channel: 'sms', topic: 'account', toAddress: '+32470112233' });
		expect(sms!.shortText).toMatch(/^Je code voor Naburig: \d{6}\./);
		const check = db.select().from(phoneChecks).get()!;
		expect(check.codeHash).not.toContain(lastCode());
		expect(check.phone).toBe('+32470112233');
	});

	it('refuses a number that cannot be one, or cannot take an SMS, sending nothing', () => {
		expect(ask(T0, 'bel me')).toEqual({ ok: false, error: 'phone_invalid' });
		expect(ask(T0, '015 20 30 40')).toEqual({ ok: false, error: 'phone_invalid' });
		expect(ask(T0, '+31 20 123 4567')).toEqual({ ok: false, error: 'phone_invalid' });
		expect(db.select().from(outbox).all()).toHaveLength(0);
	});

	it('sends at most 3 codes an hour', () => {
		for (const m of [0, 10, 20]) expect(ask(T0 + m * MINUTE).ok).toBe(true);
		expect(ask(T0 + 59 * MINUTE)).toEqual({ ok: false, error: 'rate_limited' });
		// An hour after the first, one place is free again.
		expect(ask(T0 + 61 * MINUTE).ok).toBe(true);
		expect(ask(T0 + 62 * MINUTE)).toEqual({ ok: false, error: 'rate_limited' });
	});

	it('sends nothing to someone who replied STOP', () => {
		db.update(users)
			.set({ smsStoppedAt: T0 - 1 })
			.where(eq(users.id, userId))
			.run();
		expect(ask(T0)).toEqual({ ok: false, error: 'sms_stopped' });
	});
});

describe('confirmPhoneCode', () => {
	it('makes the number the person’s, verified, with the badge no broker granted', () => {
		ask(T0);
		expect(give(lastCode(), T0 + 9 * MINUTE)).toEqual({ ok: true, phone: '+32470112233' });
		const u = db.select().from(users).where(eq(users.id, userId)).get()!;
		expect(u.phone).toBe('+32470112233');
		expect(u.phoneVerifiedAt).toBe(T0 + 9 * MINUTE);
		expect(activeBadges(db, userId, T0 + 10 * MINUTE).map((b) => b.kind)).toEqual([
			'phone_verified'
		]);
		expect(db.select().from(trustBadges).get()!.grantedById).toBeNull();
		// The brokers' page says who confirmed it: the person, with the code.
		expect(badgeRecord(db, userId, T0 + 10 * MINUTE).current).toMatchObject([
			{ kind: 'phone_verified', grantedBy: null, byCode: true }
		]);
		expect(db.select().from(phoneChecks).all()).toHaveLength(0);
		expect(db.select({ a: auditLog.action }).from(auditLog).all()).toEqual([{ a: 'phone.verify' }]);
	});

	it('refuses the right code after 10 minutes', () => {
		ask(T0);
		expect(give(lastCode(), T0 + CODE_LIFETIME_MS)).toEqual({ ok: false, error: 'expired' });
		expect(db.select().from(users).where(eq(users.id, userId)).get()!.phoneVerifiedAt).toBeNull();
	});

	it('counts wrong tries and refuses even the right code after 5', () => {
		ask(T0);
		const code = lastCode();
		expect(give(wrong(code), T0 + MINUTE)).toEqual({ ok: false, error: 'wrong', left: 4 });
		for (let i = 0; i < 3; i++) give(wrong(code), T0 + MINUTE);
		expect(give(wrong(code), T0 + MINUTE)).toEqual({ ok: false, error: 'too_many' });
		expect(give(code, T0 + 2 * MINUTE)).toEqual({ ok: false, error: 'too_many' });
		// A new code starts the count again.
		ask(T0 + 3 * MINUTE);
		expect(give(lastCode(), T0 + 4 * MINUTE).ok).toBe(true);
	});

	it('takes only the newest code', () => {
		ask(T0);
		const first = lastCode();
		ask(T0 + MINUTE);
		const second = lastCode();
		if (first !== second) expect(give(first, T0 + 2 * MINUTE).ok).toBe(false);
		expect(give(second, T0 + 2 * MINUTE).ok).toBe(true);
	});

	it('needs a code asked for first', () => {
		expect(give('123456', T0)).toEqual({ ok: false, error: 'no_code' });
	});
});

describe('withdrawPhoneVerification', () => {
	it('ends the badge and the verification when the number changes', () => {
		ask(T0);
		give(lastCode(), T0 + MINUTE);
		db.transaction((tx) => withdrawPhoneVerification(tx, userId, userId, T0 + 2 * MINUTE));
		expect(db.select().from(users).where(eq(users.id, userId)).get()!.phoneVerifiedAt).toBeNull();
		expect(activeBadges(db, userId, T0 + 3 * MINUTE)).toEqual([]);
		const { history } = badgeRecord(db, userId, T0 + 3 * MINUTE);
		expect(history.map((h) => h.ended)).toEqual(['number_changed']);
	});
});
