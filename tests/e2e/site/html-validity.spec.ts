import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expect, test } from '../fixtures';
import { signIn, signOut } from '../pages/auth';
import { linkIn, readMails } from '../smtp';

// The W3C Nu HTML checker (vnu.jar from the vnu-jar package, run with the machine's Java) over
// the HTML the server sends, before any JavaScript: what a browser, a screen reader and the
// checker that issue 16 used all read. One run of the checker for all pages keeps it quick.
const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

interface VnuMessage {
	type: string;
	subType?: string;
	url?: string;
	lastLine?: number;
	message: string;
	extract?: string;
}

/** Runs the checker once over the saved pages and returns its errors, per page. */
function htmlErrors(pages: Map<string, string>): string[] {
	const dir = mkdtempSync(join('.e2e', 'vnu-'));
	try {
		const files = new Map<string, string>();
		[...pages].forEach(([path, html], i) => {
			const file = join(dir, `page-${i}.html`);
			writeFileSync(file, html);
			files.set(file, path);
		});
		const run = spawnSync(
			'java',
			['-jar', VNU_JAR, '--errors-only', '--format', 'json', '--exit-zero-always', ...files.keys()],
			{ encoding: 'utf8' }
		);
		if (run.error) throw run.error;
		const messages = (JSON.parse(run.stderr) as { messages: VnuMessage[] }).messages;
		return messages
			.filter((msg) => msg.type === 'error' || msg.type === 'non-document-error')
			.map((msg) => {
				const file = [...files.keys()].find((f) => msg.url?.endsWith(f.replace(/^\.?\/?/, '')));
				const where = file ? files.get(file) : msg.url;
				return `${where} line ${msg.lastLine}: ${msg.message} ${msg.extract?.trim() ?? ''}`;
			});
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** The HTML the server sends for each path, as the person signed in on this page. */
async function fetchPages(
	request: APIRequestContext,
	paths: string[],
	into: Map<string, string>
): Promise<void> {
	for (const path of paths) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		into.set(path, await response.text());
	}
}

test('the pages of issue 16 are valid HTML for the W3C Nu checker', async ({ page }) => {
	test.slow();
	mkdirSync('.e2e', { recursive: true });
	const pages = new Map<string, string>();
	await fetchPages(page.request, ['/', '/sign-in', '/tools'], pages);
	await signIn(page, DEMO.resident, DEMO_PASSWORD);
	const resident = new Map<string, string>();
	await fetchPages(
		page.request,
		['/', '/posts', '/posts?view=map', '/posts/new', '/posts/1', '/profile'],
		resident
	);
	for (const [path, html] of resident) pages.set(`${path} (resident)`, html);
	await signOut(page);

	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await fetchPages(page.request, ['/broker/today', '/broker/reports', '/desk'], pages);

	await signOut(page);
	// Last, signed out (the link sets the page's language to the resident's): the follow-up form
	// from a demo follow-up's Dutch mail (sent when the site starts; a first try before the test's
	// SMTP server listened is retried 30 s later), and a broken link's page.
	let followUp = '';
	await expect
		.poll(
			() => {
				const mail = readMails().find((mail) => /^Hoe ging het/.test(mail.subject));
				followUp = mail ? new URL(linkIn(mail, /^\/follow-up\//)).pathname : '';
				return followUp;
			},
			{ timeout: 60_000 }
		)
		.not.toBe('');
	await fetchPages(page.request, [followUp], pages);
	const broken = await page.request.get('/follow-up/not-a-real-token');
	pages.set('/follow-up/not-a-real-token', await broken.text());

	expect(htmlErrors(pages)).toEqual([]);
});
