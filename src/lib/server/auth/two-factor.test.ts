import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, insertTestUser } from '../db/test-db';
import { recoveryCodes, sessions, users } from '../db/schema';
import { createSession, validateSessionToken } from './session';
import {
	confirmTwoFactorSetup,
	demoCodeHint,
	hasTwoFactor,
	matchTotpStep,
	newTotpKey,
	totpCodeAt,
	totpKeyText,
	totpKeyUri,
	twoFactorDecision,
	twoFactorRedirect,
	useRecoveryCode,
	verifyTwoFactorCode
} from './two-factor';

const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);
const STEP = 30_000;

function setUp() {
	const db = createTestDb();
	const user = insertTestUser(db, { role: 'broker' });
	const { token, session } = createSession(db, user.id, T0);
	const key = newTotpKey();
	return { db, user, token, session, key };
}

describe('second factor (TOTP)', () => {
	it('confirms setup only with the right code, marks the session and gives 8 recovery codes', () => {
		const { db, user, session, key } = setUp();
		const wrong = totpCodeAt(key, T0) === '000000' ? '111111' : '000000';
		expect(confirmTwoFactorSetup(db, user.id, session.id, key, wrong, T0)).toBeNull();
		expect(hasTwoFactor(db, user.id)).toBe(false);
		const codes = confirmTwoFactorSetup(db, user.id, session.id, key, totpCodeAt(key, T0), T0);
		expect(codes).toHaveLength(8);
		expect(new Set(codes).size).toBe(8);
		expect(hasTwoFactor(db, user.id)).toBe(true);
		const row = db.select().from(sessions).where(eq(sessions.id, session.id)).get()!;
		expect(row.twoFactorVerified).toBe(true);
		// Only hashes are stored.
		const stored = db.select().from(recoveryCodes).all();
		expect(stored).toHaveLength(8);
		expect(stored.map((r) => r.codeHash)).not.toContain(codes![0]!.replace('-', ''));
	});

	it('refuses a wrong code, accepts one step of clock drift, refuses two steps', () => {
		const key = newTotpKey();
		const code = totpCodeAt(key, T0);
		expect(matchTotpStep(key, code, T0, null)).not.toBeNull();
		expect(matchTotpStep(key, code, T0 + STEP, null)).not.toBeNull();
		expect(matchTotpStep(key, code, T0 - STEP, null)).not.toBeNull();
		expect(matchTotpStep(key, code, T0 + 2 * STEP, null)).toBeNull();
		expect(matchTotpStep(key, 'abcdef', T0, null)).toBeNull();
		expect(matchTotpStep(key, '12345', T0, null)).toBeNull();
		expect(matchTotpStep(key, code.slice(0, 3) + ' ' + code.slice(3), T0, null)).not.toBeNull();
	});

	it('does not accept the same code twice (replay), nor an older one, but the next one', () => {
		const { db, user, session, key } = setUp();
		confirmTwoFactorSetup(db, user.id, session.id, key, totpCodeAt(key, T0), T0);
		// The setup code was used: a replay within its grace window is refused.
		expect(verifyTwoFactorCode(db, user.id, totpCodeAt(key, T0), T0 + 1000)).toBe(false);
		expect(verifyTwoFactorCode(db, user.id, totpCodeAt(key, T0 - STEP), T0)).toBe(false);
		const next = totpCodeAt(key, T0 + STEP);
		expect(verifyTwoFactorCode(db, user.id, next, T0 + STEP)).toBe(true);
		expect(verifyTwoFactorCode(db, user.id, next, T0 + STEP + 1000)).toBe(false);
	});

	it('refuses codes for a person without a second factor', () => {
		const db = createTestDb();
		const user = insertTestUser(db);
		expect(verifyTwoFactorCode(db, user.id, '123456', T0)).toBe(false);
	});

	it('uses a recovery code once, for its own person only', () => {
		const { db, user, session, key } = setUp();
		const other = insertTestUser(db, { role: 'admin' });
		const codes = confirmTwoFactorSetup(db, user.id, session.id, key, totpCodeAt(key, T0), T0)!;
		expect(useRecoveryCode(db, other.id, codes[0]!, T0)).toBe(false);
		expect(useRecoveryCode(db, user.id, ` ${codes[0]!.toUpperCase()} `, T0)).toBe(true);
		expect(useRecoveryCode(db, user.id, codes[0]!, T0)).toBe(false);
		expect(useRecoveryCode(db, user.id, codes[1]!, T0)).toBe(true);
		expect(useRecoveryCode(db, user.id, 'nonsense', T0)).toBe(false);
	});

	it('never puts the key in the session user', () => {
		const { db, user, token, session, key } = setUp();
		confirmTwoFactorSetup(db, user.id, session.id, key, totpCodeAt(key, T0), T0);
		const result = validateSessionToken(db, token, T0);
		expect(JSON.stringify(result.user)).not.toContain('totp');
		expect(db.select().from(users).get()!.totpKey).not.toBeNull();
	});

	it('gives the key as text and as an otpauth URI', () => {
		const key = new Uint8Array(20).fill(1);
		expect(totpKeyText(key)).toMatch(/^[A-Z2-7]{32}$/);
		expect(totpKeyUri(key, 'an@naburig.example')).toMatch(/^otpauth:\/\/totp\/Naburig:/);
	});
});

describe('the demo code hint', () => {
	it('offers the freshest unused code, which is still accepted after the step turns', () => {
		const { db, user, session, key } = setUp();
		const setUpAt = T0 - 5 * STEP;
		confirmTwoFactorSetup(db, user.id, session.id, key, totpCodeAt(key, setUpAt), setUpAt);
		// Never the step before now (it stops working at the next boundary): now's code.
		expect(demoCodeHint(db, user.id, key, T0 + 5_000)).toEqual({ code: totpCodeAt(key, T0) });
		// Read three seconds before the step turns, typed after it: still accepted.
		const late = T0 + STEP - 3_000;
		const hint = demoCodeHint(db, user.id, key, late) as { code: string };
		expect(hint).toEqual({ code: totpCodeAt(key, T0) });
		expect(verifyTwoFactorCode(db, user.id, hint.code, late + 5_000)).toBe(true);
	});

	it('offers the next code the server will accept, and a wait once three are used', () => {
		const { db, user, session, key } = setUp();
		expect(demoCodeHint(db, user.id, key, T0)).toBeNull();
		confirmTwoFactorSetup(db, user.id, session.id, key, totpCodeAt(key, T0 - STEP), T0);
		// The step before now was used for setup; now and the step after remain.
		for (const expected of [totpCodeAt(key, T0), totpCodeAt(key, T0 + STEP)]) {
			const hint = demoCodeHint(db, user.id, key, T0);
			expect(hint).toEqual({ code: expected });
			expect(verifyTwoFactorCode(db, user.id, expected, T0)).toBe(true);
		}
		const wait = demoCodeHint(db, user.id, key, T0);
		expect(wait).toMatchObject({ waitSeconds: expect.any(Number) });
		const seconds = (wait as { waitSeconds: number }).waitSeconds;
		expect(seconds).toBeGreaterThan(0);
		expect(seconds).toBeLessThanOrEqual(30);
		const later = T0 + seconds * 1000;
		const next = demoCodeHint(db, user.id, key, later) as { code: string };
		expect(verifyTwoFactorCode(db, user.id, next.code, later)).toBe(true);
	});

	it('offers a code that still works after the step it was shown in has ended', () => {
		const { db, user, session, key } = setUp();
		confirmTwoFactorSetup(db, user.id, session.id, key, totpCodeAt(key, T0), T0);
		// Shown a second before a step ends, entered a second after.
		const shown = T0 + 10 * STEP + 29_000;
		const hint = demoCodeHint(db, user.id, key, shown) as { code: string };
		expect(verifyTwoFactorCode(db, user.id, hint.code, shown + 2_000)).toBe(true);
	});

	it('says nothing for an account with its own key', () => {
		const { db, user, session, key } = setUp();
		confirmTwoFactorSetup(db, user.id, session.id, key, totpCodeAt(key, T0), T0);
		expect(demoCodeHint(db, user.id, newTotpKey(), T0)).toBeNull();
	});
});

describe('the guard decision', () => {
	it('never asks residents', () => {
		expect(twoFactorDecision('resident', false, false)).toBe('ok');
		expect(twoFactorDecision('resident', true, false)).toBe('ok');
	});

	it('asks partners and the steering group (issue 21) as brokers are asked', () => {
		for (const role of ['partner', 'steering'] as const) {
			expect(twoFactorDecision(role, false, false)).toBe('setup');
			expect(twoFactorDecision(role, true, false)).toBe('verify');
			expect(twoFactorDecision(role, true, true)).toBe('ok');
		}
	});

	it('asks residents on the lending desk too: set it up, then a code in this session', () => {
		expect(twoFactorDecision('resident', false, false, true)).toBe('setup');
		expect(twoFactorDecision('resident', true, false, true)).toBe('verify');
		expect(twoFactorDecision('resident', true, true, true)).toBe('ok');
	});

	it('sends brokers and admins without a second factor to set it up', () => {
		expect(twoFactorDecision('broker', false, false)).toBe('setup');
		expect(twoFactorDecision('admin', false, true)).toBe('setup');
	});

	it('asks for a code when the session is not verified yet', () => {
		expect(twoFactorDecision('broker', true, false)).toBe('verify');
		expect(twoFactorDecision('admin', true, true)).toBe('ok');
	});

	it('builds the redirect with the page to return to', () => {
		expect(twoFactorRedirect('ok', '/broker')).toBeNull();
		expect(twoFactorRedirect('setup', '/broker?x=1')).toBe(
			'/account/two-factor?next=%2Fbroker%3Fx%3D1'
		);
		expect(twoFactorRedirect('verify', '/admin')).toBe('/sign-in/two-factor?next=%2Fadmin');
	});
});
