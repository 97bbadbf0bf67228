import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { createTestDb, insertTestUser } from '../db/test-db';
import { authenticate } from './accounts';
import { createAdmin, hasAdmin } from './first-admin';
import { resetPassword } from './password-reset';
import { createSession, validateSessionToken } from './session';
import { hasTwoFactor, twoFactorDecision, twoFactorRedirect } from './two-factor';

const NOW = Date.UTC(2026, 11, 4, 9);
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('making the first administrator', () => {
	it('works from the command on a fresh database: a link to choose a password, then the second factor', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'naburig-admin-'));
		dirs.push(dir);
		const database = join(dir, 'site.db');
		const run = spawnSync(
			'npx',
			['tsx', 'scripts/admin-create.ts', '--email', 'Beheer@Buurt.example', '--name', 'Lien'],
			{
				encoding: 'utf8',
				env: { ...process.env, DATABASE_URL: database, ORIGIN: 'https://buurt.example.org' }
			}
		);
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		const link = run.stdout.match(/https:\/\/buurt\.example\.org\/reset-password\/([a-z0-9]+)/);
		expect(link).not.toBeNull();

		const { db, sqlite } = openDatabase(database);
		try {
			expect(hasAdmin(db)).toBe(true);
			const now = Date.now();
			const reset = await resetPassword(db, link![1]!, 'een lang en sterk wachtwoord', 'x', now);
			expect(reset.ok).toBe(true);
			// The link works once.
			expect(await resetPassword(db, link![1]!, 'nog een ander wachtwoord', 'x', now)).toEqual({
				ok: false,
				reason: 'used'
			});
			const signIn = await authenticate(
				db,
				'beheer@buurt.example',
				'een lang en sterk wachtwoord',
				'192.0.2.9',
				now
			);
			expect(signIn.ok && signIn.user.role).toBe('admin');
			const user = signIn.ok ? signIn.user : null;
			// The guard's decision for this admin: set up the second factor before anything else.
			const decision = twoFactorDecision('admin', hasTwoFactor(db, user!.id), false);
			expect(decision).toBe('setup');
			expect(twoFactorRedirect(decision, '/admin')).toBe('/account/two-factor?next=%2Fadmin');
		} finally {
			sqlite.close();
		}
	});

	it('makes an existing account administrator and refuses bad input', () => {
		const db = createTestDb();
		expect(hasAdmin(db)).toBe(false);
		const resident = insertTestUser(db, { email: 'an@buurt.example' });
		const before = createSession(db, resident.id, NOW - 1000);
		const made = createAdmin(db, { email: 'AN@buurt.example', name: 'An' }, NOW);
		// A new role: the session she had as a resident ends.
		expect(validateSessionToken(db, before.token, NOW + 1).session).toBeNull();
		expect(made.ok && made.created).toBe(false);
		expect(made.ok && made.user.id).toBe(resident.id);
		expect(hasAdmin(db)).toBe(true);
		expect(createAdmin(db, { email: 'geen-adres', name: 'Xa' }, NOW)).toEqual({
			ok: false,
			reason: 'bad_email'
		});
	});
});
