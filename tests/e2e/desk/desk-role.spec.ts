import type { Browser, BrowserContext, Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test, uniqueEmail } from '../fixtures';
import { setUpSecondFactor, signIn, signUpAndVerify } from '../pages/auth';
import { waitForMail } from '../smtp';

/**
 * The desk role of a volunteer: given by a broker, opened only after the second factor, with the
 * search narrowed to what lending needs, and taken away again (audited, with a kind mail).
 */

const volunteer = {
	name: `Vera Balie ${Date.now().toString(36)}`,
	email: uniqueEmail('balie'),
	password: 'een lang wachtwoord voor de balie'
};
/** Maria Janssens of the demo: her phone number must not reach a desk volunteer. */
const MARIA_PHONE = '015 41 22 87';

test.describe.configure({ mode: 'serial' });

const people = {} as Record<'volunteer' | 'broker', { context: BrowserContext; page: Page }>;

async function newPerson(browser: Browser, baseURL: string) {
	const context = await browser.newContext({
		baseURL,
		locale: 'nl-BE',
		extraHTTPHeaders: { 'x-forwarded-for': `192.0.2.${1 + Math.floor(Math.random() * 254)}` }
	});
	return { context, page: await context.newPage() };
}

test.beforeAll(async ({ browser }, testInfo) => {
	const baseURL = testInfo.project.use.baseURL!;
	people.volunteer = await newPerson(browser, baseURL);
	people.broker = await newPerson(browser, baseURL);
});

test.afterAll(async () => {
	for (const { context } of Object.values(people)) await context.close();
});

test('a new desk volunteer sets up the second factor before the desk opens, and finds borrowers by name only', async () => {
	test.setTimeout(120_000);
	const { page } = people.volunteer;
	await signUpAndVerify(page, volunteer);
	await signIn(page, volunteer.email, volunteer.password);

	const broker = people.broker.page;
	await signIn(broker, DEMO.broker, DEMO_PASSWORD);
	await broker.goto('/desk');
	await broker.getByRole('link', { name: 'Mensen aan de balie' }).click();
	await broker.getByLabel('E-mailadres van de bewoner').fill(volunteer.email);
	await broker.getByRole('button', { name: 'Rol geven' }).click();
	await expect(broker.getByRole('status')).toHaveText('Deze persoon kan nu de uitleenbalie doen.');

	// A new role ends her sessions: what she had open asks her to sign in again.
	await page.goto('/desk');
	await expect(page).toHaveURL(/\/sign-in\?next=%2Fdesk/);
	await page.getByLabel('E-mailadres').fill(volunteer.email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(volunteer.password);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	// The desk does not open before the second factor is set up.
	await expect(page).toHaveURL(/\/account\/two-factor\?next=%2Fdesk/);
	await setUpSecondFactor(page, volunteer.email);
	await expect(page.getByRole('heading', { level: 1, name: 'Uitleenbalie' })).toBeVisible();

	// Booking for someone: found by name, told apart by street, without their phone number.
	await page.getByRole('link', { name: 'Reserveren voor iemand' }).click();
	await page.getByLabel('Naam', { exact: true }).fill('Maria');
	await page.getByRole('button', { name: 'Zoeken' }).click();
	const maria = page.getByRole('listitem').filter({ hasText: 'Maria Janssens' });
	await expect(maria).toContainText('Vuurkruisenplein');
	await expect(page.getByRole('main')).not.toContainText(MARIA_PHONE);
	await expectAccessible(page);
	// A phone number finds nobody: the desk cannot go through everyone's numbers.
	await page.getByLabel('Naam', { exact: true }).fill('015 41');
	await page.getByRole('button', { name: 'Zoeken' }).click();
	await expect(page.getByText(/^Niemand gevonden/)).toBeVisible();
	// Nor does her borrower page show how to reach her: she has no late tool.
	await page.goto('/desk/book?q=Maria');
	await page
		.getByRole('listitem')
		.filter({ hasText: 'Maria Janssens' })
		.getByRole('link', { name: 'Gereedschap reserveren voor Maria Janssens' })
		.click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Gereedschap reserveren voor Maria Janssens' })
	).toBeVisible();
	await expect(page.getByRole('main')).not.toContainText(MARIA_PHONE);
});

test('a broker takes the desk role away: the volunteer can no longer open the desk, and the audit log says so', async () => {
	const broker = people.broker.page;
	const since = Date.now();
	await broker.goto('/desk/staff');
	const row = broker.getByRole('listitem').filter({ hasText: volunteer.name });
	const remove = row.getByRole('button', { name: /^Balierol wegnemen/ });
	// Without ticking the confirmation nothing happens, and the reason stands beside the box.
	await remove.click();
	await expect(
		row.getByRole('checkbox', { name: `Ja, ${volunteer.name} doet de balie niet meer` })
	).toHaveAccessibleDescription(
		'Vink het vakje aan om te bevestigen dat deze persoon de balie niet meer doet.'
	);
	await row
		.getByRole('checkbox', { name: `Ja, ${volunteer.name} doet de balie niet meer` })
		.check();
	await remove.click();
	await expect(broker.getByRole('status')).toHaveText(
		`${volunteer.name} doet de uitleenbalie niet meer.`
	);
	await expect(broker.getByRole('listitem').filter({ hasText: volunteer.name })).toHaveCount(0);
	await expectAccessible(broker);

	// Her sessions ended with the role; signed in again, the desk is closed to her.
	const { page } = people.volunteer;
	await page.goto('/desk');
	await expect(page).toHaveURL(/\/sign-in\?next=%2Fdesk/);
	await signIn(page, volunteer.email, volunteer.password);
	const desk = await page.goto('/desk');
	expect(desk?.status()).toBe(403);

	await broker.goto('/broker/audit?action=desk');
	await expect(
		broker.getByRole('row').filter({ hasText: 'Nam de balierol weg' }).first()
	).toBeVisible();

	const mail = await waitForMail(volunteer.email, {
		subject: /Je doet de uitleenbalie van .+ niet meer/,
		after: since
	});
	expect(mail.text).toContain('Dank je wel');
});

test('the demo desk volunteer signs in with the demo code and opens the desk', async ({ page }) => {
	await signIn(page, 'nadia@naburig.example', DEMO_PASSWORD);
	await page.goto('/desk');
	await expect(page.getByRole('heading', { level: 1, name: 'Uitleenbalie' })).toBeVisible();
	// A volunteer, not a broker: she cannot give or take the desk role.
	await page.getByRole('link', { name: 'Mensen aan de balie' }).click();
	await expect(
		page.getByRole('main').getByRole('listitem').filter({ hasText: 'Nadia Haddad' })
	).toBeVisible();
	await expect(page.getByRole('button', { name: /^Balierol wegnemen/ })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Rol geven' })).toHaveCount(0);
});
