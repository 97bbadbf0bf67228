import type Database from 'better-sqlite3';
import {
	cpSync,
	existsSync,
	mkdirSync,
	readdirSync,
	renameSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { join } from 'node:path';
import { pruneBackups, type Keep } from './retention';
import {
	BACKUP_DATABASE,
	BACKUP_MANIFEST,
	BACKUP_PHOTOS,
	backupName,
	checkIntegrity,
	listBackups,
	type Backup
} from './store';

export interface BackupPlace {
	/** BACKUP_DIR */
	dir: string;
	/** PHOTO_DIR: copied with the database, so a restore brings back the tools' photos too. */
	photoDir: string;
}

/**
 * Makes a backup of the open database while the site runs: `VACUUM INTO` copies a consistent
 * snapshot including writes still in the WAL file (copying the file itself would miss them),
 * then the copy must pass SQLite's integrity check before it counts. Photos are copied after
 * the snapshot, so every photo the copy refers to is there. Throws when anything fails.
 */
export function makeBackup(sqlite: Database.Database, place: BackupPlace, now: number): Backup {
	mkdirSync(place.dir, { recursive: true });
	const name = backupName(now);
	const work = join(place.dir, `.partial-${name}`);
	rmSync(work, { recursive: true, force: true });
	mkdirSync(work);
	try {
		const file = join(work, BACKUP_DATABASE);
		sqlite.prepare('VACUUM INTO ?').run(file);
		const check = checkIntegrity(file);
		if (!check.ok)
			throw new Error(`backup failed its integrity check: ${check.problems.join('; ')}`);
		const photosTo = join(work, BACKUP_PHOTOS);
		if (existsSync(place.photoDir)) cpSync(place.photoDir, photosTo, { recursive: true });
		else mkdirSync(photosTo);
		const photos = readdirSync(photosTo, { recursive: true }).length;
		writeFileSync(
			join(work, BACKUP_MANIFEST),
			JSON.stringify({ createdAt: now, integrity: 'ok', photos }, null, 2)
		);
		renameSync(work, join(place.dir, name));
		return { name, path: join(place.dir, name), createdAt: now, photos };
	} catch (e) {
		rmSync(work, { recursive: true, force: true });
		throw e;
	}
}

const DAY = 24 * 60 * 60 * 1000;
/** The job checks every hour; a few minutes' slack keeps the daily backup from drifting later. */
const SLACK = 5 * 60 * 1000;

/**
 * The scheduled backup: one a day (counted from the last good one, so restarts do not add
 * more), then old ones beyond the retention are removed. Returns how many it made (0 or 1).
 */
export function backupIfDue(
	sqlite: Database.Database,
	place: BackupPlace,
	keep: Keep,
	now: number
): number {
	if (place.dir === 'off') return 0;
	const last = listBackups(place.dir)[0];
	if (last && now - last.createdAt < DAY - SLACK) return 0;
	makeBackup(sqlite, place, now);
	pruneBackups(place.dir, keep, now);
	return 1;
}
