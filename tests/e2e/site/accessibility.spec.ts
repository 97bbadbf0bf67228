import { expect, expectAccessible, test, uniqueEmail } from '../fixtures';

// One sweep over every page built so far, as the person who would see it. Journeys elsewhere
// check pages in their error states; this makes sure no page is left out. Each sweep grows with
// the site, so it gets the slow-test time limit.

const ANONYMOUS = [
	'/',
	'/sign-in',
	'/sign-up',
	'/sign-up/sent',
	'/reset-password',
	'/reset-password/sent',
	'/reset-password/not-a-real-token',
	'/verify-email/not-a-real-token',
	'/account/deleted',
	'/tools',
	'/tools/1',
	'/tools/1/label',
	'/badges',
	'/mailbox',
	'/no-such-page'
];

const RESIDENT = [
	'/profile',
	'/account',
	'/account/delete',
	'/posts',
	'/posts/new',
	'/posts/mine',
	'/posts/1',
	'/posts/1/edit'
];

const ADMIN = [
	'/admin',
	'/admin/neighbourhoods/new',
	'/admin/neighbourhoods/1',
	'/broker',
	'/broker/neighbourhoods/1/streets',
	'/broker/neighbourhoods/1/streets/1',
	'/broker/residents',
	'/broker/neighbourhoods/1/badge-rules'
];

test('every public page has no accessibility violations', async ({ page }) => {
	test.slow();
	await page.route(/tile\.openstreetmap\.org/, (route) => route.fulfill({ status: 204 }));
	for (const path of ANONYMOUS) {
		await page.goto(path);
		await expect(page.locator('h1').first(), path).toBeVisible();
		await expectAccessible(page);
	}
	// A mail to read in the mailbox: ask for a sign-up link.
	const email = uniqueEmail('axe');
	await page.goto('/sign-up');
	await page.getByLabel('Je naam').fill('Axel');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Kies een wachtwoord').fill('een toegankelijke zin');
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByRole('heading', { name: 'Kijk in je mailbox' })).toBeVisible();
	await page.goto('/mailbox');
	await page.getByRole('row').filter({ hasText: email }).getByRole('link').click();
	await expect(page.getByTestId('mail-body')).toContainText('Hallo Axel');
	await expectAccessible(page);
});

test("every resident page has no accessibility violations (Maria's own post included)", async ({
	asResident: page
}) => {
	test.slow();
	await page.route(/tile\.openstreetmap\.org/, (route) => route.fulfill({ status: 204 }));
	for (const path of RESIDENT) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(200);
		await expectAccessible(page);
	}
	await page.goto('/profile');
	await page.getByRole('link', { name: 'Bekijk hoe anderen je zien' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Maria' })).toBeVisible();
	await expectAccessible(page);
});

test('every admin and broker page has no accessibility violations', async ({ asAdmin: page }) => {
	test.slow();
	await page.route(/tile\.openstreetmap\.org/, (route) => route.fulfill({ status: 204 }));
	for (const path of ADMIN) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(200);
		await expectAccessible(page);
	}
});
