// Puts a backup back: stop the site first (it refuses while the database is open).
//   npm run backup:restore -- data/backups/naburig-2026-12-04T03-00-00-000Z
// Without an argument it lists the backups. What it replaces is kept aside (.before-restore-…).
import { resolve } from 'node:path';
import { config } from '../src/lib/server/config';
import { restoreBackup } from '../src/lib/server/backup/restore';
import { listBackups } from '../src/lib/server/backup/store';

const chosen = process.argv[2];
if (!chosen) {
	console.error('Usage: npm run backup:restore -- <backup folder>. The backups, newest first:');
	for (const b of listBackups(config.BACKUP_DIR)) console.error(`  ${b.path}`);
	process.exit(2);
}
const result = restoreBackup(
	resolve(chosen),
	{ database: config.DATABASE_URL, photoDir: config.PHOTO_DIR },
	Date.now()
);
if (!result.ok) {
	const why = {
		not_a_backup: `${chosen} is not a backup folder (it has no backup.json and naburig.db)`,
		damaged: `the backup fails SQLite's integrity check (${result.detail}); choose another one`,
		site_running: `the database ${config.DATABASE_URL} is in use: stop the site first, then run this again`
	}[result.reason];
	console.error(`Nothing restored: ${why}.`);
	process.exit(1);
}
console.log(`Restored ${chosen} to ${config.DATABASE_URL} and ${config.PHOTO_DIR}.`);
console.log(`Kept aside (delete once the site looks right):\n  ${result.keptAside.join('\n  ')}`);
