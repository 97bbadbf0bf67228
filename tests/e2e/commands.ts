import { spawnSync } from 'node:child_process';

/** The test site's database and backup folder (playwright.config.ts starts the site with them). */
export const SITE_DATABASE = './.e2e/naburig-e2e.db';
export const SITE_BACKUPS = './.e2e/backups-site';
/** The database of the second server, whose clock the *.clock.spec.ts tests move. */
export const CLOCK_DATABASE = './.e2e/naburig-clock.db';

/**
 * Runs one of the site's commands (`scripts/<name>.ts`, as `npm run` does) against the test
 * site's database, as an operator would on the server, and returns what it printed.
 */
export function runCommand(script: string, args: string[] = []): string {
	const run = spawnSync('npx', ['tsx', `scripts/${script}.ts`, ...args], {
		encoding: 'utf8',
		env: {
			...process.env,
			DATABASE_URL: SITE_DATABASE,
			BACKUP_DIR: SITE_BACKUPS,
			ORIGIN: `http://localhost:${process.env.E2E_PORT ?? 4173}`
		}
	});
	if (run.status !== 0) throw new Error(`${script} failed: ${run.stderr}`);
	return run.stdout;
}
