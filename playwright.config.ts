import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { CLOCK_DATABASE, SITE_BACKUPS, SITE_DATABASE } from './tests/e2e/commands';

// Overridable so that two checkouts can run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2525);
// A second server whose clock tests may move forward (TEST_CLOCK), with its own database, so
// that jumping weeks ahead never disturbs the other tests. Its tests are named *.clock.spec.ts.
const CLOCK_PORT = Number(process.env.E2E_CLOCK_PORT ?? PORT + 1);

// Playwright cannot download browsers here: use Debian's Chromium when it is installed.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) =>
	existsSync(p)
);

export default defineConfig({
	testDir: 'tests/e2e',
	globalSetup: './tests/e2e/global-setup.ts',
	// One server and one database: tests run one at a time so they never race for the same rows.
	workers: 1,
	fullyParallel: false,
	// One retry on CI so a rare timing hiccup does not block a submission; it is still reported as flaky.
	retries: process.env.CI ? 1 : 0,
	// Brokers and admins pass a single-use code step; now and then a sign-in waits for the next code.
	timeout: 90_000,
	expect: { timeout: 10_000 },
	reporter: 'list',
	projects: [
		{ name: 'site', testIgnore: '**/*.clock.spec.ts' },
		{
			name: 'clock',
			testMatch: '**/*.clock.spec.ts',
			use: { baseURL: `http://localhost:${CLOCK_PORT}` }
		}
	],
	use: {
		baseURL: `http://localhost:${PORT}`,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: systemChromium,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	// Started one after the other: the first builds the site, the second reuses that build.
	webServer: [
		{
			command: 'npm run build && node tests/e2e/serve.mjs',
			url: `http://localhost:${PORT}/healthz`,
			timeout: 240_000,
			reuseExistingServer: false,
			stdout: 'ignore',
			stderr: 'pipe',
			env: serverEnv(PORT, SITE_DATABASE, SITE_BACKUPS)
		},
		{
			command: 'node tests/e2e/serve.mjs',
			url: `http://localhost:${CLOCK_PORT}/healthz`,
			timeout: 60_000,
			reuseExistingServer: false,
			stdout: 'ignore',
			stderr: 'pipe',
			env: {
				...serverEnv(CLOCK_PORT, CLOCK_DATABASE, './.e2e/backups-clock'),
				TEST_CLOCK: '1'
			}
		}
	]
});

function serverEnv(port: number, database: string, backups: string): Record<string, string> {
	return {
		PORT: String(port),
		DATABASE_URL: database,
		BACKUP_DIR: backups,
		SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
		MAIL_FROM: 'Naburig test <test@naburig.example>',
		DEMO: '1',
		OUTBOX_POLL_MS: '250',
		// Each test sends its own client address, so rate limits apply per test (see fixtures.ts).
		ADDRESS_HEADER: 'x-forwarded-for',
		XFF_DEPTH: '1'
	};
}
