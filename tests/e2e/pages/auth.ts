import { expect, type Page } from '@playwright/test';
import { linkIn, waitForMail } from '../smtp';

/** Signs in through the sign-in form, as a person would. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
	await page.goto('/sign-in');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(page.getByRole('button', { name: 'Afmelden', exact: true })).toBeVisible();
}

/** Signs out with the button in the menu. */
export async function signOut(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Afmelden', exact: true }).click();
	await expect(page.getByText('Je bent afgemeld.')).toBeVisible();
}

/** Creates an account through the sign-up form and follows the link in the verification mail. */
export async function signUpAndVerify(
	page: Page,
	person: { name: string; email: string; password: string }
): Promise<void> {
	const since = Date.now();
	await page.goto('/sign-up');
	await page.getByLabel('Je naam').fill(person.name);
	await page.getByLabel('E-mailadres').fill(person.email);
	await page.getByLabel('Kies een wachtwoord').fill(person.password);
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByRole('heading', { name: 'Kijk in je mailbox' })).toBeVisible();
	const mail = await waitForMail(person.email, {
		subject: /Bevestig je e-mailadres/,
		after: since
	});
	await page.goto(linkIn(mail, /^\/verify-email\//));
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page.getByRole('heading', { name: 'Je e-mailadres is bevestigd' })).toBeVisible();
}
