import { expect, type Page } from '@playwright/test';
import { uniqueEmail } from '../fixtures';

/** A fresh person for one test: tests that change a person's data never use a demo account. */
export function newPerson(label: string, name = 'Rosa') {
	return { name, email: uniqueEmail(label), password: 'koffie met de buren op dinsdag' };
}

/** Tries to sign in and expects the ordinary "does not belong together" answer. */
export async function expectSignInRefused(
	page: Page,
	email: string,
	password: string
): Promise<void> {
	await page.goto('/sign-in');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(
		page.getByText('Dit e-mailadres en wachtwoord horen niet bij elkaar.')
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Afmelden', exact: true })).toHaveCount(0);
}

/** Opens the account page and returns its sections by their headings. */
export async function openAccount(page: Page) {
	await page.goto('/account');
	await expect(page.getByRole('heading', { name: 'Mijn account', level: 1 })).toBeVisible();
	return {
		email: page.getByRole('region', { name: 'E-mailadres', exact: true }),
		changeEmail: page.getByRole('region', { name: 'E-mailadres wijzigen' }),
		changePassword: page.getByRole('region', { name: 'Wachtwoord wijzigen' }),
		sessions: page.getByRole('region', { name: 'Overal afmelden' }),
		privacy: page.getByRole('region', { name: 'Je gegevens' })
	};
}
