// Starts the built site on a fresh database for the end-to-end tests.
import { rmSync } from 'node:fs';
import { spawn } from 'node:child_process';

for (const suffix of ['', '-wal', '-shm'])
	rmSync(`${process.env.DATABASE_URL}${suffix}`, { force: true });
const server = spawn(process.execPath, ['build'], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
