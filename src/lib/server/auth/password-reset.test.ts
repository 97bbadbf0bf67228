import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb, insertTestUser } from '../db/test-db';
import { emailTokens, outbox, sessions, users } from '../db/schema';
import { createEmailToken } from './email-tokens';
import { hashPassword, verifyPassword } from './password';
import { checkResetToken, requestPasswordReset, resetPassword } from './password-reset';
import { createSession, validateSessionToken } from './session';
import { HOUR } from '../testing/dates';

const ORIGIN = 'https://naburig.test';
let clients = 0;
/** A fresh client address per call, so the per-client limit only bites where a test wants it. */
const client = () => `192.0.2.${++clients}`;

/** The token in the newest reset mail to `to`. */
function tokenFromMail(db: ReturnType<typeof createTestDb>, to: string): string {
	const mail = db.select().from(outbox).where(eq(outbox.toAddress, to)).all().at(-1);
	const match = mail?.textBody.match(/\/reset-password\/([a-z0-9]+)/);
	if (!match) throw new Error(`no reset link mailed to ${to}`);
	return match[1]!;
}

describe('asking for a reset link', () => {
	it('mails a link to a known address, in the person’s language, and stores only its hash', () => {
		const db = createTestDb();
		insertTestUser(db, { email: 'rosa@test.example', displayName: 'Rosa', locale: 'en' });
		expect(requestPasswordReset(db, 'Rosa@Test.example', client(), ORIGIN, 1_000)).toEqual({
			ok: true
		});
		const mail = db.select().from(outbox).get()!;
		expect(mail.toAddress).toBe('rosa@test.example');
		expect(mail.subject).toBe('Choose a new password for Naburig');
		expect(mail.textBody).toContain('Hello Rosa');
		const token = tokenFromMail(db, 'rosa@test.example');
		const stored = db.select().from(emailTokens).get()!;
		expect(stored.purpose).toBe('reset_password');
		expect(stored.tokenHash).not.toContain(token);
		expect(stored.expiresAt).toBe(1_000 + HOUR);
	});

	it('answers the same for an unknown or deleted address and sends nothing', () => {
		const db = createTestDb();
		insertTestUser(db, { email: null, status: 'deleted' });
		expect(requestPasswordReset(db, 'nobody@test.example', client(), ORIGIN, 0)).toEqual({
			ok: true
		});
		expect(db.select().from(outbox).all()).toHaveLength(0);
		expect(db.select().from(emailTokens).all()).toHaveLength(0);
	});

	it('slows one client asking for one address, and limits each client', () => {
		const db = createTestDb();
		const one = client();
		const asks = [0, 0, 10_000, 30_000].map(
			(at) => requestPasswordReset(db, 'ghost@test.example', one, ORIGIN, at).ok
		);
		expect(asks).toEqual([true, true, false, true]);
		const busy = client();
		const perClient = Array.from(
			{ length: 21 },
			(_, i) => requestPasswordReset(db, `p${i}@test.example`, busy, ORIGIN, 0).ok
		);
		expect(perClient.filter(Boolean)).toHaveLength(20);
		expect(perClient.at(-1)).toBe(false);
	});

	it('never lets a stranger keep the owner from a working link, nor flood their mailbox', async () => {
		const db = createTestDb();
		insertTestUser(db, {
			email: 'eigenaar@test.example',
			passwordHash: await hashPassword('vergeten wachtwoord')
		});
		const mails = () =>
			db.select().from(outbox).where(eq(outbox.toAddress, 'eigenaar@test.example')).all().length;
		// Strangers ask from many client addresses, every ten seconds for an hour.
		for (let at = 0; at < HOUR; at += 10_000)
			expect(requestPasswordReset(db, 'eigenaar@test.example', client(), ORIGIN, at)).toEqual({
				ok: true
			});
		// Mails came 2, 5 and then 15 minutes apart, not 360.
		expect(mails()).toBe(6);
		// The owner asks from their own device: the answer is the same, and the newest link in
		// their mailbox works (each new mail ends the previous link, so the spacing keeps it usable).
		const owner = client();
		expect(requestPasswordReset(db, 'eigenaar@test.example', owner, ORIGIN, HOUR)).toEqual({
			ok: true
		});
		const result = await resetPassword(
			db,
			tokenFromMail(db, 'eigenaar@test.example'),
			'een nieuw lang wachtwoord',
			ORIGIN,
			HOUR
		);
		expect(result.ok).toBe(true);
	});
});

describe('using a reset link', () => {
	it('works once: sets the new password, ends every session and marks the address verified', async () => {
		const db = createTestDb();
		const user = insertTestUser(db, {
			email: 'once@test.example',
			passwordHash: await hashPassword('het oude wachtwoord'),
			emailVerifiedAt: null
		});
		const a = createSession(db, user.id, 0);
		const b = createSession(db, user.id, 0);
		requestPasswordReset(db, 'once@test.example', client(), ORIGIN, 0);
		const token = tokenFromMail(db, 'once@test.example');

		// Opening the link changes nothing.
		expect(checkResetToken(db, token, 10).ok).toBe(true);
		expect(checkResetToken(db, token, 10).ok).toBe(true);

		const result = await resetPassword(db, token, 'een gloednieuw wachtwoord', ORIGIN, 100);
		expect(result.ok).toBe(true);
		const row = db.select().from(users).where(eq(users.id, user.id)).get()!;
		expect(await verifyPassword(row.passwordHash!, 'een gloednieuw wachtwoord')).toBe(true);
		expect(row.emailVerifiedAt).toBe(100);
		expect(validateSessionToken(db, a.token, 101).session).toBeNull();
		expect(validateSessionToken(db, b.token, 101).session).toBeNull();
		expect(db.select().from(sessions).all()).toHaveLength(0);
		const notice = db.select().from(outbox).all().at(-1)!;
		expect(notice.kind).toBe('password_changed');

		const again = await resetPassword(db, token, 'nog een ander wachtwoord', ORIGIN, 200);
		expect(again).toEqual({ ok: false, reason: 'used' });
		const after = db.select().from(users).where(eq(users.id, user.id)).get()!;
		expect(await verifyPassword(after.passwordHash!, 'een gloednieuw wachtwoord')).toBe(true);
	});

	it('refuses an expired link and changes nothing', async () => {
		const db = createTestDb();
		const user = insertTestUser(db, { email: 'late@test.example', passwordHash: 'unchanged' });
		const session = createSession(db, user.id, 0);
		requestPasswordReset(db, 'late@test.example', client(), ORIGIN, 0);
		const token = tokenFromMail(db, 'late@test.example');
		expect(checkResetToken(db, token, HOUR)).toEqual({ ok: false, reason: 'expired' });
		expect(await resetPassword(db, token, 'een gloednieuw wachtwoord', ORIGIN, HOUR)).toEqual({
			ok: false,
			reason: 'expired'
		});
		expect(db.select().from(users).where(eq(users.id, user.id)).get()!.passwordHash).toBe(
			'unchanged'
		);
		expect(validateSessionToken(db, session.token, HOUR).session).not.toBeNull();
	});

	it('refuses a token made for another purpose, and a tampered one', async () => {
		const db = createTestDb();
		const user = insertTestUser(db, { email: 'purpose@test.example', passwordHash: 'unchanged' });
		const verifyToken = createEmailToken(db, user.id, 'verify_email', 'purpose@test.example', 0);
		expect(await resetPassword(db, verifyToken, 'een gloednieuw wachtwoord', ORIGIN, 1)).toEqual({
			ok: false,
			reason: 'invalid'
		});
		const resetToken = createEmailToken(db, user.id, 'reset_password', 'purpose@test.example', 0);
		const tampered = resetToken.slice(0, -1) + (resetToken.endsWith('a') ? 'b' : 'a');
		expect(await resetPassword(db, tampered, 'een gloednieuw wachtwoord', ORIGIN, 1)).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(db.select().from(users).where(eq(users.id, user.id)).get()!.passwordHash).toBe(
			'unchanged'
		);
		expect(checkResetToken(db, resetToken, 1).ok).toBe(true);
	});

	it('does not work once the account has moved to another address', async () => {
		const db = createTestDb();
		const user = insertTestUser(db, { email: 'old@test.example', passwordHash: 'unchanged' });
		const token = createEmailToken(db, user.id, 'reset_password', 'old@test.example', 0);
		db.update(users).set({ email: 'new@test.example' }).where(eq(users.id, user.id)).run();
		expect(await resetPassword(db, token, 'een gloednieuw wachtwoord', ORIGIN, 1)).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(db.select().from(users).where(eq(users.id, user.id)).get()!.passwordHash).toBe(
			'unchanged'
		);
	});
});
