import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDb, insertTestUser } from '../db/test-db';
import { outbox, users } from '../db/schema';
import { authenticate, signUp, verifyEmail } from './accounts';
import { createEmailToken } from './email-tokens';
import { hashPassword } from './password';

// The real argon2, watched: an address with an account must cost the same hash as a new one.
vi.mock('./password', async (importOriginal) => {
	const real = await importOriginal<typeof import('./password')>();
	return { ...real, hashPassword: vi.fn(real.hashPassword) };
});

let n = 0;
const unique = (label: string) => `${label}-${++n}-${Date.now()}@test.example`;
const client = () => `192.0.2.${++n % 250}`;
const ORIGIN = 'https://naburig.example';

/** The token in the newest verification link sent to an address. */
function linkTokenFor(db: ReturnType<typeof createTestDb>, email: string): string {
	const mail = db.select().from(outbox).where(eq(outbox.toAddress, email)).all().pop()!;
	return /\/verify-email\/([a-z0-9]+)/.exec(mail.textBody)![1]!;
}

describe('signing up', () => {
	it("creates the account unverified and queues a verification mail in the person's language", async () => {
		const db = createTestDb();
		const email = unique('rosa');
		const result = await signUp(
			db,
			{ displayName: 'Rosa', email, password: 'koffie op dinsdag', locale: 'en' },
			client(),
			ORIGIN,
			0
		);
		expect(result.ok).toBe(true);
		const user = db.select().from(users).where(eq(users.email, email)).get()!;
		expect(user.emailVerifiedAt).toBeNull();
		expect(user.passwordHash).toMatch(/^\$argon2id\$/);
		const mail = db.select().from(outbox).get()!;
		expect(mail.subject).toBe('Confirm your e-mail address for Naburig');
		expect(mail.textBody).toContain(`${ORIGIN}/verify-email/`);
	});

	it('an address that has an account gets a notice instead of a second account', async () => {
		const db = createTestDb();
		const existing = insertTestUser(db, {
			email: unique('maria'),
			displayName: 'Maria',
			emailVerifiedAt: 1
		});
		const result = await signUp(
			db,
			{ displayName: 'X', email: existing.email!, password: 'iets heel anders', locale: 'nl' },
			client(),
			ORIGIN,
			0
		);
		expect(result).toEqual({ ok: true, userId: null });
		expect(db.select({ n: count() }).from(users).get()!.n).toBe(1);
		expect(db.select().from(outbox).get()!.kind).toBe('already_registered');
	});

	it('a second sign-up before the address is confirmed sends the link again, not a warning', async () => {
		const db = createTestDb();
		const email = unique('dubbel');
		const input = { displayName: 'Dubbel', email, password: 'twee keer geklikt', locale: 'nl' };
		await signUp(db, input, client(), ORIGIN, 0);
		await signUp(db, input, client(), ORIGIN, 1);
		expect(db.select({ n: count() }).from(users).get()!.n).toBe(1);
		const kinds = db
			.select({ kind: outbox.kind })
			.from(outbox)
			.all()
			.map((m) => m.kind);
		expect(kinds).toEqual(['verify_email', 'verify_email']);
		// Only the newest link works.
		const first = /\/verify-email\/([a-z0-9]+)/.exec(
			db.select().from(outbox).all()[0]!.textBody
		)![1]!;
		expect(verifyEmail(db, first, 2)).toEqual({ ok: false, reason: 'used' });
		expect(verifyEmail(db, linkTokenFor(db, email), 2)).toMatchObject({ ok: true });
	});

	describe('costs the same hash whether or not the address has an account', () => {
		beforeEach(() => {
			vi.mocked(hashPassword).mockClear();
		});
		const input = (email: string) => ({
			displayName: 'Tijd',
			email,
			password: 'even lang wachten',
			locale: 'nl'
		});

		it('a new address', async () => {
			await signUp(createTestDb(), input(unique('nieuw')), client(), ORIGIN, 0);
			expect(vi.mocked(hashPassword).mock.calls).toEqual([['even lang wachten']]);
		});

		it('an address with a confirmed account', async () => {
			const db = createTestDb();
			const existing = insertTestUser(db, { email: unique('bestaand'), emailVerifiedAt: 1 });
			vi.mocked(hashPassword).mockClear();
			await signUp(db, input(existing.email!), client(), ORIGIN, 0);
			expect(vi.mocked(hashPassword).mock.calls).toEqual([['even lang wachten']]);
		});

		it('an address with an account not confirmed yet', async () => {
			const db = createTestDb();
			const existing = insertTestUser(db, { email: unique('onbevestigd'), emailVerifiedAt: null });
			vi.mocked(hashPassword).mockClear();
			await signUp(db, input(existing.email!), client(), ORIGIN, 0);
			expect(vi.mocked(hashPassword).mock.calls).toEqual([['even lang wachten']]);
		});
	});

	it('limits sign-ups per address, so nobody can be flooded with mail', async () => {
		const db = createTestDb();
		const email = unique('flood');
		const results = [];
		for (let i = 0; i < 4; i++)
			results.push(
				(
					await signUp(
						db,
						{ displayName: 'F', email, password: 'een lange zin hier', locale: 'nl' },
						client(),
						ORIGIN,
						0
					)
				).ok
			);
		expect(results).toEqual([true, true, true, false]);
		expect(db.select({ n: count() }).from(outbox).get()!.n).toBe(3);
	});
});

describe('verifying the address', () => {
	it('works once, within 48 hours', async () => {
		const db = createTestDb();
		const email = unique('lotte');
		await signUp(
			db,
			{ displayName: 'Lotte', email, password: 'wandelen met de hond', locale: 'nl' },
			client(),
			ORIGIN,
			0
		);
		const token = linkTokenFor(db, email);
		expect(verifyEmail(db, token, 1000)).toMatchObject({ ok: true });
		expect(db.select().from(users).get()!.emailVerifiedAt).toBe(1000);
		expect(verifyEmail(db, token, 2000)).toEqual({ ok: false, reason: 'used' });
		expect(verifyEmail(db, 'made-up-token', 2000)).toEqual({ ok: false, reason: 'invalid' });
	});

	it('signs in the account the sign-up link was sent for, only when it confirms it first', async () => {
		const db = createTestDb();
		const email = unique('noor');
		const other = insertTestUser(db, { email: unique('ander'), emailVerifiedAt: 5 });
		const { userId } = (await signUp(
			db,
			{ displayName: 'Noor', email, password: 'soep voor de buren', locale: 'nl' },
			client(),
			ORIGIN,
			0
		)) as { ok: true; userId: string };
		const result = verifyEmail(db, linkTokenFor(db, email), 1000);
		expect(result).toMatchObject({
			ok: true,
			userId,
			signIn: { id: userId, emailVerifiedAt: 1000 }
		});
		// A later link for an address already confirmed (a change of address) confirms, nothing more.
		const change = createEmailToken(db, other.id, 'change_email', unique('nieuw'), 2000);
		expect(verifyEmail(db, change, 3000)).toMatchObject({ ok: true, signIn: null });
		const again = createEmailToken(db, userId, 'verify_email', email, 4000);
		expect(verifyEmail(db, again, 5000)).toMatchObject({ ok: true, signIn: null });
	});

	it('carries where the newcomer was going in the confirmation link', async () => {
		const db = createTestDb();
		const email = unique('onderweg');
		await signUp(
			db,
			{
				displayName: 'Onderweg',
				email,
				password: 'op weg naar de markt',
				locale: 'nl',
				next: '/posts/new?kind=request'
			},
			client(),
			ORIGIN,
			0
		);
		const mail = db.select().from(outbox).where(eq(outbox.toAddress, email)).get()!;
		expect(mail.textBody).toMatch(
			/https:\/\/naburig\.example\/verify-email\/[a-z0-9]+\?next=%2Fposts%2Fnew%3Fkind%3Drequest/
		);
	});

	it('refuses an expired link and changes nothing', async () => {
		const db = createTestDb();
		const email = unique('laat');
		await signUp(
			db,
			{ displayName: 'Laat', email, password: 'te laat geklikt', locale: 'nl' },
			client(),
			ORIGIN,
			0
		);
		expect(verifyEmail(db, linkTokenFor(db, email), 48 * 3600_000)).toEqual({
			ok: false,
			reason: 'expired'
		});
		expect(db.select().from(users).get()!.emailVerifiedAt).toBeNull();
	});
});

describe('signing in', () => {
	it('gives the same answer for an unknown address and a wrong password', async () => {
		const db = createTestDb();
		const email = unique('jozef');
		insertTestUser(db, { email, passwordHash: await hashPassword('de juiste zin') });
		expect(await authenticate(db, email, 'fout', client(), 0)).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await authenticate(db, unique('niemand'), 'fout', client(), 0)).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect((await authenticate(db, email.toUpperCase(), 'de juiste zin', client(), 0)).ok).toBe(
			true
		);
	});

	it('tells a suspended person why', async () => {
		const db = createTestDb();
		const suspended = unique('geschorst');
		insertTestUser(db, {
			email: suspended,
			status: 'suspended',
			statusReason: 'Klacht in onderzoek',
			passwordHash: await hashPassword('mijn wachtwoord')
		});
		expect(await authenticate(db, suspended, 'mijn wachtwoord', client(), 0)).toEqual({
			ok: false,
			reason: 'suspended',
			statusReason: 'Klacht in onderzoek'
		});
	});

	it('lets the owner in from their own device while a stranger guesses from another', async () => {
		const db = createTestDb();
		const email = unique('slot');
		insertTestUser(db, { email, passwordHash: await hashPassword('het goede wachtwoord') });
		const stranger = '198.51.100.7';
		const owner = '203.0.113.9';
		const tries = [0, 0, 500, 1000, 2000, 3000];
		const answers = [];
		for (const at of tries) answers.push((await authenticate(db, email, 'fout', stranger, at)).ok);
		expect(answers).toEqual([false, false, false, false, false, false]);
		// The stranger must wait longer and longer, even with the right password.
		expect(await authenticate(db, email, 'het goede wachtwoord', stranger, 3500)).toEqual({
			ok: false,
			reason: 'rate_limited'
		});
		// The owner, at their own device, is not held up by any of that.
		expect((await authenticate(db, email, 'het goede wachtwoord', owner, 3500)).ok).toBe(true);
		// The stranger's wait has grown: 4 s after the last allowed try, not 1 s.
		expect((await authenticate(db, email, 'het goede wachtwoord', stranger, 4999)).ok).toBe(false);
		expect((await authenticate(db, email, 'het goede wachtwoord', stranger, 7000)).ok).toBe(true);
	});
});
