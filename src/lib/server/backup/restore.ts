import Database from 'better-sqlite3';
import { copyFileSync, cpSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import {
	BACKUP_DATABASE,
	BACKUP_MANIFEST,
	BACKUP_PHOTOS,
	backupName,
	checkIntegrity
} from './store';

/**
 * Is some process (the running site, a backup) using this database? Asks SQLite for an
 * exclusive lock without waiting: an open connection in WAL mode always prevents that, and
 * the operating system frees it when a process ends, even after a crash, so nothing goes stale.
 */
export function isDatabaseInUse(file: string): boolean {
	if (!existsSync(file)) return false;
	const probe = new Database(file, { timeout: 0 });
	try {
		probe.pragma('locking_mode = EXCLUSIVE');
		probe.exec('BEGIN EXCLUSIVE');
		probe.exec('COMMIT');
		return false;
	} catch (e) {
		if (e instanceof Database.SqliteError && e.code.startsWith('SQLITE_BUSY')) return true;
		throw e;
	} finally {
		probe.close();
	}
}

export interface RestorePlace {
	/** DATABASE_URL */
	database: string;
	/** PHOTO_DIR */
	photoDir: string;
}

export type RestoreResult =
	| { ok: true; keptAside: string[] }
	| { ok: false; reason: 'not_a_backup' | 'damaged' | 'site_running'; detail?: string };

/**
 * Puts a backup back in place of the database and the photos. Refuses while anything has the
 * database open (stop the site first). What it replaces is renamed aside with a
 * `.before-restore-<time>` suffix, never deleted, so a restore can be undone.
 */
export function restoreBackup(backupPath: string, place: RestorePlace, now: number): RestoreResult {
	const source = join(backupPath, BACKUP_DATABASE);
	if (!existsSync(join(backupPath, BACKUP_MANIFEST)) || !existsSync(source))
		return { ok: false, reason: 'not_a_backup' };
	const check = checkIntegrity(source);
	if (!check.ok) return { ok: false, reason: 'damaged', detail: check.problems.join('; ') };
	if (isDatabaseInUse(place.database)) return { ok: false, reason: 'site_running' };

	const suffix = `.before-restore-${backupName(now).replace('naburig-', '')}`;
	const keptAside: string[] = [];
	// The WAL and shared-memory files belong to the old database: they go aside with it.
	for (const part of ['', '-wal', '-shm']) {
		if (!existsSync(place.database + part)) continue;
		renameSync(place.database + part, place.database + suffix + part);
		keptAside.push(place.database + suffix + part);
	}
	mkdirSync(join(place.database, '..'), { recursive: true });
	// Copied next to its place first, then renamed: the database is never half there.
	copyFileSync(source, `${place.database}.restoring`);
	renameSync(`${place.database}.restoring`, place.database);

	if (existsSync(place.photoDir)) {
		renameSync(place.photoDir, place.photoDir + suffix);
		keptAside.push(place.photoDir + suffix);
	}
	const photos = join(backupPath, BACKUP_PHOTOS);
	if (existsSync(photos)) cpSync(photos, place.photoDir, { recursive: true });
	else mkdirSync(place.photoDir, { recursive: true });
	return { ok: true, keptAside };
}
