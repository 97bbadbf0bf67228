import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb, insertTestUser } from '../db/test-db';
import { outbox, users } from '../db/schema';
import { verifyEmail } from './accounts';
import {
	accountOverview,
	changePassword,
	requestEmailChange,
	resendVerificationMail
} from './account-settings';
import { createEmailToken, checkEmailToken } from './email-tokens';
import { hashPassword, verifyPassword } from './password';
import { createSession, validateSessionToken } from './session';
import { mailsTo } from '../testing/mail';

const ORIGIN = 'https://naburig.test';
const PASSWORD = 'koffie met de buren';

async function person(
	db: ReturnType<typeof createTestDb>,
	email: string,
	fields: Partial<typeof users.$inferInsert> = {}
) {
	return insertTestUser(db, {
		email,
		passwordHash: await hashPassword(PASSWORD),
		emailVerifiedAt: 1,
		...fields
	});
}

describe('changing the password', () => {
	it('ends every other session, keeps the current one and mails a notice', async () => {
		const db = createTestDb();
		const user = await person(db, 'pw@test.example', { locale: 'en' });
		const here = createSession(db, user.id, 0);
		const phone = createSession(db, user.id, 0);
		const laptop = createSession(db, user.id, 0);
		const result = await changePassword(
			db,
			user.id,
			here.session.id,
			{ currentPassword: PASSWORD, newPassword: 'soep bij de buren op vrijdag' },
			ORIGIN,
			10
		);
		expect(result).toEqual({ ok: true });
		expect(validateSessionToken(db, here.token, 11).session).not.toBeNull();
		expect(validateSessionToken(db, phone.token, 11).session).toBeNull();
		expect(validateSessionToken(db, laptop.token, 11).session).toBeNull();
		const row = db.select().from(users).where(eq(users.id, user.id)).get()!;
		expect(await verifyPassword(row.passwordHash!, 'soep bij de buren op vrijdag')).toBe(true);
		expect(mailsTo(db, 'pw@test.example').map((m) => m.subject)).toEqual([
			'Your Naburig password has been changed'
		]);
	});

	it('refuses a wrong current password and changes nothing', async () => {
		const db = createTestDb();
		const user = await person(db, 'wrong@test.example');
		const here = createSession(db, user.id, 0);
		const other = createSession(db, user.id, 0);
		const result = await changePassword(
			db,
			user.id,
			here.session.id,
			{ currentPassword: 'geraden', newPassword: 'soep bij de buren op vrijdag' },
			ORIGIN,
			10
		);
		expect(result).toEqual({ ok: false, reason: 'wrong_password' });
		expect(validateSessionToken(db, other.token, 11).session).not.toBeNull();
		const row = db.select().from(users).where(eq(users.id, user.id)).get()!;
		expect(await verifyPassword(row.passwordHash!, PASSWORD)).toBe(true);
		expect(mailsTo(db, 'wrong@test.example')).toHaveLength(0);
	});

	it('voids a reset link that was still open', async () => {
		const db = createTestDb();
		const user = await person(db, 'open-link@test.example');
		const here = createSession(db, user.id, 0);
		const token = createEmailToken(db, user.id, 'reset_password', 'open-link@test.example', 0);
		await changePassword(
			db,
			user.id,
			here.session.id,
			{ currentPassword: PASSWORD, newPassword: 'soep bij de buren op vrijdag' },
			ORIGIN,
			10
		);
		expect(checkEmailToken(db, token, ['reset_password'], 11)).toEqual({
			ok: false,
			reason: 'used'
		});
	});
});

describe('changing the e-mail address', () => {
	it('switches the address only when the link mailed to the new address is used', async () => {
		const db = createTestDb();
		const user = await person(db, 'old@test.example', { displayName: 'Rosa' });
		const result = await requestEmailChange(
			db,
			user.id,
			{ email: 'New@Test.example', password: PASSWORD },
			ORIGIN,
			10
		);
		expect(result).toEqual({ ok: true });

		// Until the link is used, the old address stays and the page says what is pending.
		expect(db.select().from(users).where(eq(users.id, user.id)).get()!.email).toBe(
			'old@test.example'
		);
		expect(accountOverview(db, user.id, 11)).toEqual({
			email: 'old@test.example',
			emailVerified: true,
			pendingEmail: 'new@test.example'
		});
		const notice = mailsTo(db, 'old@test.example');
		expect(notice.map((m) => m.kind)).toEqual(['change_email_notice']);
		expect(notice[0]!.textBody).toContain('new@test.example');
		const confirm = mailsTo(db, 'new@test.example');
		expect(confirm.map((m) => m.kind)).toEqual(['change_email']);
		const token = confirm[0]!.textBody.match(/\/verify-email\/([a-z0-9]+)/)![1]!;

		expect(verifyEmail(db, token, 20)).toEqual({ ok: true, userId: user.id, signIn: null });
		const after = db.select().from(users).where(eq(users.id, user.id)).get()!;
		expect(after.email).toBe('new@test.example');
		expect(after.emailVerifiedAt).toBe(20);
		expect(accountOverview(db, user.id, 21).pendingEmail).toBeNull();
	});

	it('refuses a wrong password and the current address, and sends nothing', async () => {
		const db = createTestDb();
		const user = await person(db, 'me@test.example');
		expect(
			await requestEmailChange(
				db,
				user.id,
				{ email: 'other@test.example', password: 'fout' },
				ORIGIN,
				10
			)
		).toEqual({
			ok: false,
			reason: 'wrong_password'
		});
		expect(
			await requestEmailChange(
				db,
				user.id,
				{ email: 'me@test.example', password: PASSWORD },
				ORIGIN,
				10
			)
		).toEqual({
			ok: false,
			reason: 'same_address'
		});
		expect(db.select().from(outbox).all()).toHaveLength(0);
		expect(accountOverview(db, user.id, 11).pendingEmail).toBeNull();
	});

	it('gives the same answer for an address that has an account, and tells its owner instead', async () => {
		const db = createTestDb();
		const user = await person(db, 'asker@test.example');
		await person(db, 'taken@test.example');
		const result = await requestEmailChange(
			db,
			user.id,
			{ email: 'taken@test.example', password: PASSWORD },
			ORIGIN,
			10
		);
		expect(result).toEqual({ ok: true });
		expect(mailsTo(db, 'taken@test.example').map((m) => m.kind)).toEqual(['email_in_use']);
		expect(mailsTo(db, 'asker@test.example').map((m) => m.kind)).toEqual(['change_email_notice']);
		expect(accountOverview(db, user.id, 11).pendingEmail).toBe('taken@test.example');
		expect(db.select().from(users).where(eq(users.id, user.id)).get()!.email).toBe(
			'asker@test.example'
		);
	});

	it('does not move the address when someone else took it before the link was used', async () => {
		const db = createTestDb();
		const user = await person(db, 'slow@test.example');
		await requestEmailChange(
			db,
			user.id,
			{ email: 'race@test.example', password: PASSWORD },
			ORIGIN,
			10
		);
		const token = mailsTo(db, 'race@test.example')[0]!.textBody.match(
			/\/verify-email\/([a-z0-9]+)/
		)![1]!;
		await person(db, 'race@test.example');
		expect(verifyEmail(db, token, 20)).toEqual({ ok: false, reason: 'invalid' });
		expect(db.select().from(users).where(eq(users.id, user.id)).get()!.email).toBe(
			'slow@test.example'
		);
	});
});

describe('sending the verification mail again', () => {
	it('sends a new link to an unverified address, a few times at most', async () => {
		const db = createTestDb();
		const user = await person(db, 'unverified@test.example', { emailVerifiedAt: null });
		const results = Array.from({ length: 6 }, () => resendVerificationMail(db, user.id, ORIGIN, 0));
		expect(results[0]).toEqual({ ok: true, email: 'unverified@test.example' });
		expect(results.at(-1)).toEqual({ ok: false, reason: 'rate_limited' });
		expect(mailsTo(db, 'unverified@test.example')).toHaveLength(5);
		const verified = await person(db, 'verified@test.example');
		expect(resendVerificationMail(db, verified.id, ORIGIN, 0)).toEqual({
			ok: false,
			reason: 'not_needed'
		});
	});
});
