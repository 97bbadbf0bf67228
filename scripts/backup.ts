// Makes a backup now, while the site runs, into BACKUP_DIR (checked, then old ones pruned),
// or lists the good backups with `--list`.
//   npm run backup            npm run backup -- --list
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { config } from '../src/lib/server/config';
import { makeBackup } from '../src/lib/server/backup/make';
import { parseKeep, pruneBackups } from '../src/lib/server/backup/retention';
import { listBackups } from '../src/lib/server/backup/store';

if (config.BACKUP_DIR === 'off') {
	console.error(
		'BACKUP_DIR is off: set it to the folder for this backup, e.g. BACKUP_DIR=./data/backups.'
	);
	process.exit(1);
}
const dir = config.BACKUP_DIR;
if (process.argv.includes('--list')) {
	for (const b of listBackups(dir))
		console.log(`${b.path}\t${new Date(b.createdAt).toISOString()}\t${b.photos} photos`);
	process.exit(0);
}
if (!existsSync(config.DATABASE_URL)) {
	console.error(`There is no database at ${config.DATABASE_URL} (DATABASE_URL).`);
	process.exit(1);
}
// Opened as it is, without migrations: the running site owns the schema.
const sqlite = new Database(config.DATABASE_URL, { fileMustExist: true, timeout: 5000 });
try {
	const backup = makeBackup(sqlite, { dir, photoDir: config.PHOTO_DIR }, Date.now());
	const removed = pruneBackups(dir, parseKeep(config.BACKUP_KEEP), Date.now());
	console.log(`Backup made and checked: ${backup.path} (${backup.photos} photos)`);
	if (removed.length)
		console.log(`Removed by the retention (${config.BACKUP_KEEP}): ${removed.join(', ')}`);
} finally {
	sqlite.close();
}
