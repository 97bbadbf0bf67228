import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Inside each backup folder: the database copy, the photos, and what was checked. */
export const BACKUP_DATABASE = 'naburig.db';
export const BACKUP_PHOTOS = 'photos';
export const BACKUP_MANIFEST = 'backup.json';

export interface Backup {
	name: string;
	path: string;
	createdAt: number;
	photos: number;
}

const NAME = /^naburig-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/;

/** A backup folder's name, sortable and readable: naburig-2026-12-04T07-00-00-000Z. */
export function backupName(now: number): string {
	return `naburig-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
}

/**
 * The good backups in a folder, newest first. A backup counts only once its manifest is
 * written, which happens after its integrity check passed; half-made ones are never listed.
 */
export function listBackups(dir: string): Backup[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((name) => NAME.test(name) && existsSync(join(dir, name, BACKUP_MANIFEST)))
		.map((name) => {
			const manifest = JSON.parse(readFileSync(join(dir, name, BACKUP_MANIFEST), 'utf8')) as {
				createdAt: number;
				photos: number;
			};
			return {
				name,
				path: join(dir, name),
				createdAt: manifest.createdAt,
				photos: manifest.photos
			};
		})
		.sort((a, b) => b.createdAt - a.createdAt);
}

/** SQLite's own full check of a database file: every page, index and constraint. */
export function checkIntegrity(file: string): { ok: boolean; problems: string[] } {
	const copy = new Database(file, { readonly: true, fileMustExist: true });
	try {
		const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
		const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
		return { ok: problems.length === 0 && rows.length > 0, problems };
	} finally {
		copy.close();
	}
}

export interface BackupStatus {
	/** False when BACKUP_DIR is `off`. */
	enabled: boolean;
	lastAt: string | null;
	ageSeconds: number | null;
}

/** The age of the last good backup, for /healthz and the admin page. */
export function backupStatus(dir: string, now: number): BackupStatus {
	if (dir === 'off') return { enabled: false, lastAt: null, ageSeconds: null };
	const last = listBackups(dir)[0];
	if (!last) return { enabled: true, lastAt: null, ageSeconds: null };
	return {
		enabled: true,
		lastAt: new Date(last.createdAt).toISOString(),
		ageSeconds: Math.max(0, Math.floor((now - last.createdAt) / 1000))
	};
}
