import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { insertTestUser } from '../db/test-db';
import { users } from '../db/schema';
import { listBackups } from './store';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm run backup` / `npm run backup:restore` as an operator would, in another process. */
function command(script: 'backup' | 'restore', args: string[] = []) {
	return spawnSync('npx', ['tsx', `scripts/${script}.ts`, ...args], {
		encoding: 'utf8',
		env: {
			...process.env,
			DATABASE_URL: join(dir, 'site.db'),
			PHOTO_DIR: join(dir, 'photos'),
			BACKUP_DIR: join(dir, 'backups')
		}
	});
}

describe('the backup and restore commands', () => {
	it('back up a running site, refuse to restore while it runs, and restore once it stopped', () => {
		dir = mkdtempSync(join(tmpdir(), 'naburig-commands-'));
		const site = openDatabase(join(dir, 'site.db'));
		insertTestUser(site.db, { displayName: 'Gerda' });

		const made = command('backup');
		expect(made.stdout).toContain('Backup made and checked');
		insertTestUser(site.db, { displayName: 'Hans' });
		const [backup] = listBackups(join(dir, 'backups'));

		const refused = command('restore', [backup!.path]);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toContain('stop the site first');
		expect(site.db.select().from(users).all()).toHaveLength(2);
		site.sqlite.close();

		const restored = command('restore', [backup!.path]);
		expect(restored.stderr).toBe('');
		expect(restored.status).toBe(0);
		const again = openDatabase(join(dir, 'site.db'));
		expect(again.db.select({ name: users.displayName }).from(users).all()).toEqual([
			{ name: 'Gerda' }
		]);
		again.sqlite.close();
	});
});
