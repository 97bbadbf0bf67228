import Database from 'better-sqlite3';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { insertTestUser } from '../db/test-db';
import { users } from '../db/schema';
import { backupIfDue, makeBackup } from './make';
import { isDatabaseInUse, restoreBackup } from './restore';
import { backupStatus, checkIntegrity, listBackups } from './store';
import { HOUR } from '../testing/dates';

const NOW = Date.UTC(2026, 11, 4, 3, 0);
const KEEP = { daily: 7, weekly: 4, monthly: 12 };

let dir: string;
let place: { database: string; photoDir: string; dir: string };
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'naburig-backup-'));
	place = {
		database: join(dir, 'site.db'),
		photoDir: join(dir, 'photos'),
		dir: join(dir, 'backups')
	};
	mkdirSync(place.photoDir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const names = (db: ReturnType<typeof openDatabase>['db']) =>
	db
		.select({ name: users.displayName })
		.from(users)
		.all()
		.map((u) => u.name)
		.sort();
const photoFiles = () => readdirSync(place.photoDir).sort();

describe('an online backup and its restore', () => {
	it('brings back exactly the backed-up state, photos included, and it passes the integrity check', () => {
		const site = openDatabase(place.database);
		insertTestUser(site.db, { displayName: 'Anna' });
		insertTestUser(site.db, { displayName: 'Bert' });
		writeFileSync(join(place.photoDir, 'drill-l.webp'), 'drill');
		const backup = makeBackup(site.sqlite, place, NOW);
		expect(backup.photos).toBe(1);

		// Written after the backup: must be gone after the restore.
		insertTestUser(site.db, { displayName: 'Carla' });
		writeFileSync(join(place.photoDir, 'ladder-l.webp'), 'ladder');
		writeFileSync(join(place.photoDir, 'drill-l.webp'), 'another drill');
		expect(names(site.db)).toEqual(['Anna', 'Bert', 'Carla']);
		site.sqlite.close();

		const restored = restoreBackup(backup.path, place, NOW + HOUR);
		expect(restored.ok).toBe(true);
		expect(checkIntegrity(place.database).ok).toBe(true);
		const again = openDatabase(place.database);
		expect(names(again.db)).toEqual(['Anna', 'Bert']);
		again.sqlite.close();
		expect(photoFiles()).toEqual(['drill-l.webp']);
		expect(readFileSync(join(place.photoDir, 'drill-l.webp'), 'utf8')).toBe('drill');
		// What was replaced is kept aside, not deleted.
		const aside = restored.ok ? restored.keptAside : [];
		expect(aside.some((p) => p.startsWith(`${place.database}.before-restore-`))).toBe(true);
		expect(aside.some((p) => p.startsWith(`${place.photoDir}.before-restore-`))).toBe(true);
	});

	it('includes writes still in the WAL file, which a copy of the database file misses', () => {
		const site = openDatabase(place.database);
		site.sqlite.pragma('wal_checkpoint(TRUNCATE)');
		insertTestUser(site.db, { displayName: 'Dirk' });
		// The naive way: copy the file while the site runs.
		copyFileSync(place.database, join(dir, 'naive.db'));
		const naive = new Database(join(dir, 'naive.db'), { readonly: true });
		const naiveCount = (naive.prepare('select count(*) as n from users').get() as { n: number }).n;
		naive.close();
		expect(naiveCount).toBe(0);

		const backup = makeBackup(site.sqlite, place, NOW);
		site.sqlite.close();
		const copy = new Database(join(backup.path, 'naburig.db'), { readonly: true });
		expect(copy.prepare('select display_name as name from users').all()).toEqual([
			{ name: 'Dirk' }
		]);
		copy.close();
	});

	it('refuses to restore over a database the site has open', () => {
		const site = openDatabase(place.database);
		insertTestUser(site.db, { displayName: 'Els' });
		const backup = makeBackup(site.sqlite, place, NOW);
		expect(isDatabaseInUse(place.database)).toBe(true);
		expect(restoreBackup(backup.path, place, NOW + HOUR)).toEqual({
			ok: false,
			reason: 'site_running'
		});
		// Nothing was moved.
		expect(existsSync(place.database)).toBe(true);
		expect(readdirSync(dir).filter((f) => f.includes('before-restore'))).toEqual([]);
		site.sqlite.close();
		expect(isDatabaseInUse(place.database)).toBe(false);
	});

	it('refuses a damaged backup', () => {
		const site = openDatabase(place.database);
		insertTestUser(site.db, { displayName: 'Fien' });
		const backup = makeBackup(site.sqlite, place, NOW);
		site.sqlite.close();
		const file = join(backup.path, 'naburig.db');
		const bytes = readFileSync(file);
		// Scribble over the second page (a table's b-tree) so SQLite's check finds it.
		bytes.fill(0x5a, 4096 + 8, 4096 * 3);
		writeFileSync(file, bytes);
		const result = restoreBackup(backup.path, place, NOW + HOUR);
		expect(result.ok ? 'restored' : result.reason).toBe('damaged');
	});
});

describe('the scheduled backup', () => {
	it('makes one a day whatever the restarts, and reports the age of the last good one', () => {
		const site = openDatabase(place.database);
		expect(backupStatus(place.dir, NOW)).toEqual({ enabled: true, lastAt: null, ageSeconds: null });
		expect(backupIfDue(site.sqlite, place, KEEP, NOW)).toBe(1);
		expect(backupIfDue(site.sqlite, place, KEEP, NOW + HOUR)).toBe(0);
		expect(backupIfDue(site.sqlite, place, KEEP, NOW + 23 * HOUR)).toBe(0);
		expect(backupStatus(place.dir, NOW + 23 * HOUR)).toEqual({
			enabled: true,
			lastAt: '2026-12-04T03:00:00.000Z',
			ageSeconds: 23 * 3600
		});
		expect(backupIfDue(site.sqlite, place, KEEP, NOW + 24 * HOUR)).toBe(1);
		expect(listBackups(place.dir).map((b) => b.createdAt)).toEqual([NOW + 24 * HOUR, NOW]);
		site.sqlite.close();
		expect(backupStatus('off', NOW)).toEqual({ enabled: false, lastAt: null, ageSeconds: null });
	});

	it('keeps the retention while making backups for months', () => {
		const site = openDatabase(place.database);
		for (let day = 0; day < 120; day++)
			backupIfDue(site.sqlite, place, KEEP, NOW + day * 24 * HOUR);
		site.sqlite.close();
		const kept = listBackups(place.dir);
		// 120 daily backups from 4 December: the last 7 days, the newest of each of 4 weeks and
		// of each month, the oldest being December's (the 31st).
		expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
		expect(kept[0]!.createdAt).toBe(NOW + 119 * 24 * HOUR);
		expect(kept.at(-1)!.createdAt).toBe(NOW + 27 * 24 * HOUR);
		for (const b of kept) expect(checkIntegrity(join(b.path, 'naburig.db')).ok).toBe(true);
	});
});
