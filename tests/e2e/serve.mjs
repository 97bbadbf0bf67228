// Starts the built site on a fresh database for the end-to-end tests.
import { rmSync } from 'node:fs';
import { spawn } from 'node:child_process';

for (const suffix of ['', '-wal', '-shm'])
	rmSync(`${process.env.DATABASE_URL}${suffix}`, { force: true });
// Backups of an earlier run's database would only confuse the tests.
if (process.env.BACKUP_DIR) rmSync(process.env.BACKUP_DIR, { recursive: true, force: true });
// The same entry point as `npm start`, so the tests exercise its defaults (e.g. ORIGIN).
const server = spawn(process.execPath, ['scripts/serve.mjs'], {
	stdio: 'inherit',
	env: process.env
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
