import type { Browser, Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expect, test, uniqueEmail } from '../fixtures';
import { enterSecondFactor, signIn, signUpAndVerify } from '../pages/auth';

/** A tab before the second slash: browsers drop it from a Location header, leaving //evil.example. */
const ATTACK = '/sign-in?next=/%09/evil.example';

/** Still on this site, signed in, wherever the browser went. */
async function expectHomeSite(page: Page, baseURL: string | undefined) {
	expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
	await expect(page.getByRole('button', { name: 'Afmelden', exact: true })).toBeVisible();
}

async function passwordStep(page: Page, path: string, email: string, password: string) {
	await page.goto(path);
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
}

/** Another person's browser, from another client address. */
async function otherBrowser(browser: Browser, baseURL: string | undefined, address: string) {
	const context = await browser.newContext({
		baseURL,
		locale: 'nl-BE',
		extraHTTPHeaders: { 'x-forwarded-for': address }
	});
	return { context, page: await context.newPage() };
}

test('a sign-in link that points elsewhere keeps the person on this site', async ({
	page,
	baseURL
}) => {
	await passwordStep(page, ATTACK, DEMO.resident, DEMO_PASSWORD);
	await expect(page).not.toHaveURL(/\/sign-in/);
	await expectHomeSite(page, baseURL);

	// Already signed in, the same link and one with a newline lead home, not away or to an error.
	await page.goto(ATTACK);
	await expectHomeSite(page, baseURL);
	const newline = await page.goto('/sign-in?next=/%0A/evil.example');
	expect(newline!.status()).toBe(200);
	await expectHomeSite(page, baseURL);
});

test('the code step keeps the broker on this site and gives a new session token', async ({
	page,
	context,
	browser,
	baseURL,
	clientAddress
}) => {
	await passwordStep(page, '/sign-in', DEMO.broker, DEMO_PASSWORD);
	await expect(page).toHaveURL(/\/sign-in\/two-factor/);
	const sessionCookie = async () =>
		(await context.cookies()).find((c) => c.name === 'naburig_session')?.value;
	const before = await sessionCookie();
	expect(before).toBeTruthy();

	await page.goto('/sign-in/two-factor?next=/%09/evil.example');
	await enterSecondFactor(page, DEMO.broker);
	await expect(page).not.toHaveURL(/two-factor/);
	await expectHomeSite(page, baseURL);
	const after = await sessionCookie();
	expect(after).toBeTruthy();
	expect(after).not.toBe(before);

	// Someone who saw the token before the code step has nothing: it no longer signs in.
	const other = await otherBrowser(browser, baseURL, clientAddress);
	await other.context.addCookies([{ name: 'naburig_session', value: before!, url: baseURL! }]);
	await other.page.goto('/account');
	await expect(other.page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible();
	await other.context.close();
	// The new token still works here.
	await page.goto('/broker');
	await expectHomeSite(page, baseURL);
});

test('a stranger’s wrong passwords from elsewhere do not keep the owner out', async ({
	page,
	browser,
	baseURL
}) => {
	const owner = { name: 'Eigen Toestel', email: uniqueEmail('eigen'), password: 'mijn eigen zin' };
	await signUpAndVerify(page, owner);

	const stranger = await otherBrowser(browser, baseURL, '192.0.2.66');
	for (let i = 0; i < 5; i++) {
		await passwordStep(stranger.page, '/sign-in', owner.email, `geraden ${i}`);
		await expect(
			stranger.page
				.getByText('Dit e-mailadres en wachtwoord horen niet bij elkaar.', { exact: false })
				.or(stranger.page.getByText('Je hebt het te vaak geprobeerd.', { exact: false }))
		).toBeVisible();
	}
	await stranger.context.close();

	await signIn(page, owner.email, owner.password);
	await expectHomeSite(page, baseURL);
});

test('pages forbid <base>, and static files are not sniffed', async ({ page, request }) => {
	const response = await page.goto('/');
	expect(response!.headers()['content-security-policy']).toContain("base-uri 'none'");
	// Over plain http (these tests), no Strict-Transport-Security: see security-headers.test.ts.
	expect(response!.headers()['strict-transport-security']).toBeUndefined();

	const favicon = await request.get('/favicon.svg');
	expect(favicon.status()).toBe(200);
	expect(favicon.headers()['x-content-type-options']).toBe('nosniff');
	const script = await page.locator('link[rel="modulepreload"]').first().getAttribute('href');
	expect(script).toMatch(/\/_app\/immutable\//);
	const asset = await request.get(new URL(script!, page.url()).pathname);
	expect(asset.status()).toBe(200);
	expect(asset.headers()['x-content-type-options']).toBe('nosniff');
});
