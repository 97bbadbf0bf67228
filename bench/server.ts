import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Starts the built site for a benchmark on its own port and database, quietly, and stops it
 * when the benchmark ends. `env` adds to the environment (NODE_ENV, for instance).
 */
export function startSite(
	entry: string,
	port: number,
	database: string,
	env: Record<string, string> = {}
): ChildProcess {
	const server = spawn(process.execPath, [entry], {
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: `http://localhost:${port}`,
			DATABASE_URL: database,
			DEMO: '0',
			LOG_LEVEL: 'error',
			...env
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	process.on('exit', () => server.kill());
	return server;
}

/** Resolves once the site answers its health check (20 s at most). */
export async function waitForServer(base: string): Promise<void> {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(`${base}/healthz`)).ok) return;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error('the server did not start');
}
