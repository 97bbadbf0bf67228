import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

/**
 * A site of a test's own (port, database, mail, SMS), for tests that kill or reconfigure it, so
 * no other test is disturbed. It runs scripts/serve.mjs, what `npm start` runs after building;
 * the build is the test run's.
 */
export function startOwnSite(port: number, env: Record<string, string>): ChildProcess {
	return spawn(process.execPath, ['scripts/serve.mjs'], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, PORT: String(port), OUTBOX_POLL_MS: '100', DEMO: '1', ...env }
	});
}

/** Removes a database file and its journal files, for a first start from nothing. */
export function freshDatabase(path: string): void {
	for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

/** Whether the site on this port answers its health check. */
export const siteIsUp = (port: number) => () =>
	fetch(`http://localhost:${port}/healthz`)
		.then((r) => r.ok)
		.catch(() => false);

/** Polls until the probe gives a value (not undefined or false), for at most a minute. */
export async function until<T>(
	what: string,
	probe: () => Promise<T | undefined | false> | T | undefined | false
): Promise<T> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const value = await probe();
		if (value !== undefined && value !== false) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}
