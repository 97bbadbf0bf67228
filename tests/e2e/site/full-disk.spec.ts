import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fillDisk } from '../../../src/lib/server/db/test-disk-full';
import { DEMO, DEMO_PASSWORD, expect, test } from '../fixtures';
import { signIn } from '../pages/auth';
import { fillPost } from '../pages/posts';

// A server of its own whose disk the test fills up (a file-size limit on its process, see
// test-disk-full.ts), so no other test meets a full disk. Tests run one at a time: it shares
// its port with the crash test's server, never at the same moment.
const PORT = Number(process.env.E2E_PORT ?? 4173) + 2;
const ORIGIN = `http://localhost:${PORT}`;
const DATABASE = './.e2e/naburig-full.db';

test.use({ baseURL: ORIGIN });

let server: ChildProcess | null = null;
let serverLog = '';

test.beforeAll(async () => {
	for (const suffix of ['', '-wal', '-shm']) rmSync(`${DATABASE}${suffix}`, { force: true });
	server = spawn(process.execPath, ['scripts/serve.mjs'], {
		stdio: ['ignore', 'ignore', 'pipe'],
		env: { ...process.env, PORT: String(PORT), DATABASE_URL: DATABASE, DEMO: '1', SMTP_URL: '' }
	});
	server.stderr!.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
	await expect
		.poll(
			() =>
				fetch(`${ORIGIN}/healthz`).then(
					(r) => r.ok,
					() => false
				),
			{ timeout: 60_000 }
		)
		.toBe(true);
});

test.afterAll(() => {
	server?.kill('SIGTERM');
});

test('a request posted while the disk is full shows the error page with its code, and no post is stored', async ({
	page,
	request
}) => {
	await signIn(page, DEMO.resident, DEMO_PASSWORD);
	await page.goto('/posts/new');
	const title = `Boodschappen op een volle schijf ${Date.now().toString(36)}`;
	await fillPost(page, {
		kind: 'Ik zoek hulp',
		category: 'Vervoer',
		title,
		body: 'Een rit naar de markt en terug, op een ochtend deze week.'
	});

	const free = fillDisk(server!.pid!);
	try {
		await page.getByRole('button', { name: 'Versturen' }).click();
		await expect(page.getByRole('heading', { name: 'Er ging iets mis' })).toBeVisible();
		await expect(page.getByText('Er ging iets mis aan onze kant.')).toBeVisible();
		const reference = page.getByText(/Noem dan deze code: /);
		await expect(reference).toBeVisible();
		const id = (await reference.textContent())!.match(/code: (\S+)/)![1]!;
		// The code the person can quote leads to the cause in the log.
		await expect.poll(() => serverLog).toMatch(new RegExp(`"id":"${id}".*disk I/O error`));

		// Monitoring sees it too.
		const health = await request.get('/healthz');
		expect(health.status()).toBe(503);
		expect(await health.json()).toMatchObject({ database: 'error' });
	} finally {
		free();
	}

	// Once there is space again the site works, and the post that was never saved is not there.
	await expect.poll(async () => (await request.get('/healthz')).status()).toBe(200);
	await page.goto('/posts/mine');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('link', { name: title })).toHaveCount(0);
	const db = new Database(DATABASE, { readonly: true });
	try {
		expect(db.prepare('select count(*) as n from posts where title = ?').get(title)).toEqual({
			n: 0
		});
	} finally {
		db.close();
	}
});
