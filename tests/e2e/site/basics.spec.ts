import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test, uniqueEmail } from '../fixtures';
import { signIn, signOut, signUpAndVerify } from '../pages/auth';
import type { Page } from '@playwright/test';

/** The sign-in form is in Dutch for a new browser; after signing in the page is English. */
async function signInExpectingEnglish(page: Page, email: string, password: string) {
	await page.goto('/sign-in');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
}

test('the home page welcomes in Dutch, shows whom to call, and has no accessibility violations', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Naburig' })).toBeVisible();
	await expect(
		page.getByText('Bel de buurtwerker van Oud-Oefenplein en Vuurkruisenplein')
	).toBeVisible();
	const call = page
		.locator('section')
		.filter({ hasText: 'Bel de buurtwerker van Oud-Oefenplein en Vuurkruisenplein' });
	await expect(call.getByText('dinsdag: 09:00 tot 12:00')).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await expectAccessible(page);
});

for (const [label, width] of [
	['a 360 px wide phone', 360],
	['200% zoom on a laptop', 640]
] as const) {
	test(`the public pages fit ${label} without sideways scrolling`, async ({ page }) => {
		await page.setViewportSize({ width, height: 800 });
		for (const path of ['/', '/sign-in', '/sign-up']) {
			await page.goto(path);
			const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
			expect(scrollWidth, path).toBeLessThanOrEqual(width);
		}
	});
}

test('the skip link moves keyboard focus to the content', async ({ page }) => {
	await page.goto('/');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Ga naar de inhoud' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
});

test('a visitor switches to English and the choice is remembered', async ({ page }) => {
	await page.goto('/sign-up');
	await page
		.getByRole('navigation', { name: 'Taal' })
		.getByRole('link', { name: 'English' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByRole('link', { name: 'Home' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Naburig' })).toBeVisible();
	await expectAccessible(page);
});

test("a signed-in person's language is kept on the account and comes back at the next sign-in", async ({
	page,
	browser
}) => {
	const email = uniqueEmail('taal');
	const password = 'mijn taal is engels vandaag';
	await signUpAndVerify(page, { name: 'Omar', email, password });
	await signIn(page, email, password);
	await page
		.getByRole('navigation', { name: 'Taal' })
		.getByRole('link', { name: 'English' })
		.click();
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

	// A new browser (no language cookie) signs in and gets English after signing in.
	const other = await browser.newContext({ locale: 'nl-BE' });
	const page2 = await other.newPage();
	await signInExpectingEnglish(page2, email, password);
	await expect(page2.getByRole('button', { name: 'Sign out' })).toBeVisible();
	await expect(page2.locator('html')).toHaveAttribute('lang', 'en');
	await other.close();
});

test('pages carry security headers and the session cookie is HttpOnly and SameSite=Lax', async ({
	page,
	context
}) => {
	const response = await page.goto('/sign-in');
	const headers = response!.headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['content-security-policy']).toMatch(
		/img-src [^;]*https:\/\/tile\.openstreetmap\.org/
	);
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	await signIn(page, DEMO.resident, DEMO_PASSWORD);
	const cookie = (await context.cookies()).find((c) => c.name === 'naburig_session');
	expect(cookie?.httpOnly).toBe(true);
	expect(cookie?.sameSite).toBe('Lax');
	const home = await page.goto('/');
	expect(home!.headers()['cache-control']).toBe('private, no-store');
	await signOut(page);
});

test('an unknown page says so plainly, with a reference to quote', async ({ page }) => {
	const response = await page.goto('/bestaat-niet');
	expect(response!.status()).toBe(404);
	await expect(page.getByText('Deze pagina bestaat niet (meer).')).toBeVisible();
	await expect(page.getByText(/Noem dan deze code: [a-z0-9]{8}/)).toBeVisible();
	await expectAccessible(page);
});

test('the health check reports the database, the mail backlog and the last backup', async ({
	request
}) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	const body = await response.json();
	expect(body).toMatchObject({ status: 'ok', database: 'ok' });
	expect(typeof body.outbox.pending).toBe('number');
	// The server made a backup at start-up.
	expect(body.backup.enabled).toBe(true);
	expect(Date.parse(body.backup.lastAt)).toBeLessThanOrEqual(Date.now());
	expect(body.backup.ageSeconds).toBeGreaterThanOrEqual(0);
});

test('in demo mode anyone can read the mailbox and follow a link from it', async ({ page }) => {
	const email = uniqueEmail('postvak');
	await page.goto('/sign-up');
	await page.getByLabel('Je naam').fill('Bram');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Kies een wachtwoord').fill('het postvak van de demo');
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByRole('heading', { name: 'Kijk in je mailbox' })).toBeVisible();
	await page.getByRole('link', { name: 'Open het demo-postvak' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Postvak' })).toBeVisible();
	await expectAccessible(page);
	const row = page.getByRole('row').filter({ hasText: email });
	await row.getByRole('link', { name: 'Bevestig je e-mailadres voor Naburig' }).click();
	await expect(page.getByTestId('mail-body')).toContainText('Hallo Bram');
	await expectAccessible(page);
	await page
		.getByTestId('mail-body')
		.getByRole('link', { name: /verify-email/ })
		.click();
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page.getByRole('heading', { name: 'Je e-mailadres is bevestigd' })).toBeVisible();
});

test('the ordinary site has no test clock', async ({ request }) => {
	expect((await request.get('/test/clock')).status()).toBe(404);
	expect((await request.post('/test/clock', { data: { days: 14 } })).status()).toBe(404);
});
