import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type Cookie, type Page } from '@playwright/test';
import { signIn } from './pages/auth';

export { expect };

/** The demo password and accounts seeded by DEMO=1 (see src/lib/server/demo/first-neighbourhood.ts). */
export const DEMO_PASSWORD = 'buurt-demo-2026';
export const DEMO = {
	admin: 'griet@naburig.example',
	broker: 'an@naburig.example',
	resident: 'maria@naburig.example',
	helper: 'jozef@naburig.example'
} as const;

/** A client address from the documentation ranges, different for (almost) every test. */
function randomClientAddress(): string {
	const net = Math.random() < 0.5 ? '198.51.100' : '203.0.113';
	return `${net}.${1 + Math.floor(Math.random() * 254)}`;
}

type DemoAccount = keyof typeof DEMO;

/** Gives a page the session of a demo account: `await signInAs(page, 'broker')`. */
type SignInAs = (page: Page, account: DemoAccount) => Promise<void>;

export const test = base.extend<
	{
		clientAddress: string;
		signInAs: SignInAs;
		/** The test's page, signed in as the demo admin (Griet). */
		asAdmin: Page;
		/** The test's page, signed in as the demo broker (An). */
		asBroker: Page;
		/** The test's page, signed in as the demo resident (Maria). */
		asResident: Page;
		/** The test's page, signed in as the demo helper (Jozef). */
		asHelper: Page;
	},
	{ demoCookies: Map<string, Cookie[]> }
>({
	clientAddress: async ({}, use) => use(randomClientAddress()),
	// The server reads the client address from X-Forwarded-For in tests (ADDRESS_HEADER), so
	// rate limits count per test, as they would per person.
	extraHTTPHeaders: async ({ clientAddress }, use) => use({ 'x-forwarded-for': clientAddress }),
	locale: 'nl-BE',
	// Each demo account's cookies after signing in, kept for the worker: signing in takes the
	// form and, for the broker and the admin, a single-use code that can mean a 30-second wait.
	demoCookies: [async ({}, use) => use(new Map()), { scope: 'worker' }],
	signInAs: async ({ browser, baseURL, demoCookies }, use) => {
		await use(async (page, account) => {
			const key = `${baseURL} ${account}`;
			const kept = demoCookies.get(key);
			if (kept) {
				await page.context().addCookies(kept);
				// An earlier test may have ended that session (signed out, changed the account's
				// role): the sign-in page sends a signed-in person on and shows anyone else the form.
				const check = await page.request.get('/sign-in', { maxRedirects: 0 });
				if (check.status() === 303) return;
				for (const { name } of kept) await page.context().clearCookies({ name });
			}
			const cookies = await signInElsewhere(browser, baseURL!, DEMO[account]);
			demoCookies.set(key, cookies);
			await page.context().addCookies(cookies);
		});
	},
	asAdmin: async ({ page, signInAs }, use) => use(await signedIn(page, signInAs, 'admin')),
	asBroker: async ({ page, signInAs }, use) => use(await signedIn(page, signInAs, 'broker')),
	asResident: async ({ page, signInAs }, use) => use(await signedIn(page, signInAs, 'resident')),
	asHelper: async ({ page, signInAs }, use) => use(await signedIn(page, signInAs, 'helper'))
});

async function signedIn(page: Page, signInAs: SignInAs, account: DemoAccount): Promise<Page> {
	await signInAs(page, account);
	return page;
}

/**
 * Signs a demo account in through the real form, in a browser context of its own (with a client
 * address of its own), and returns that context's cookies: the session and the account's language.
 */
async function signInElsewhere(
	browser: Browser,
	baseURL: string,
	email: string
): Promise<Cookie[]> {
	const context = await browser.newContext({
		baseURL,
		locale: 'nl-BE',
		extraHTTPHeaders: { 'x-forwarded-for': randomClientAddress() }
	});
	try {
		await signIn(await context.newPage(), email, DEMO_PASSWORD);
		return await context.cookies();
	} finally {
		await context.close();
	}
}

/** A unique e-mail address for a person created by one test. */
export function uniqueEmail(label: string): string {
	return `${label}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}@test.naburig.example`;
}

/** Letters only (no digits), different every run: a name that must find nobody else. */
export function uniqueLetters(): string {
	const word = Date.now()
		.toString(26)
		.replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)));
	return word[0]!.toUpperCase() + word.slice(1);
}

/** Fails the test when axe finds WCAG 2.2 AA violations on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}
