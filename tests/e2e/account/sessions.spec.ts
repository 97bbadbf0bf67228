import type { Browser } from '@playwright/test';
import { expect, expectAccessible, test } from '../fixtures';
import { newPerson, openAccount } from '../pages/account';
import { signIn, signUpAndVerify } from '../pages/auth';
import { waitForMail } from '../smtp';
import { errorSummary } from '../pages/forms';

/** A second browser (say, the person's phone), from the same client address as the test. */
async function secondDevice(browser: Browser, baseURL: string | undefined, clientAddress: string) {
	const context = await browser.newContext({
		baseURL,
		locale: 'nl-BE',
		extraHTTPHeaders: { 'x-forwarded-for': clientAddress }
	});
	return { context, page: await context.newPage() };
}

test('changing the password signs out the other device but not this one', async ({
	page,
	browser,
	baseURL,
	clientAddress
}) => {
	const person = newPerson('wachtwoord');
	const newPassword = 'soep eten bij de buren op vrijdag';
	await signUpAndVerify(page, person);
	await signIn(page, person.email, person.password);
	const phone = await secondDevice(browser, baseURL, clientAddress);
	await signIn(phone.page, person.email, person.password);

	const form = (await openAccount(page)).changePassword;
	await form.getByLabel('Je huidige wachtwoord').fill(person.password);
	await form.getByLabel('Nieuw wachtwoord').fill('wachtwoord');
	await form.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
	await expect(
		errorSummary(form).getByRole('link', {
			name: 'Dit wachtwoord wordt door heel veel mensen gebruikt'
		})
	).toBeVisible();
	await expect(form.getByLabel('Nieuw wachtwoord')).toHaveValue('wachtwoord');
	await expect(form.getByLabel('Je huidige wachtwoord')).toHaveValue(person.password);
	await expectAccessible(page);

	const since = Date.now();
	await form.getByLabel('Nieuw wachtwoord').fill(newPassword);
	await form.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
	await expect(
		form.getByText('Je wachtwoord is gewijzigd. Op je andere toestellen ben je afgemeld.')
	).toBeVisible();
	await expect(form.getByLabel('Nieuw wachtwoord')).toHaveValue('');
	await waitForMail(person.email, {
		subject: /Je wachtwoord bij Naburig is gewijzigd/,
		after: since
	});

	// This device stays signed in; the phone is sent to the sign-in page.
	await page.reload();
	await expect(page.getByRole('button', { name: 'Afmelden', exact: true })).toBeVisible();
	await phone.page.goto('/account');
	await expect(phone.page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible();
	await expect(phone.page.getByRole('button', { name: 'Afmelden', exact: true })).toHaveCount(0);
	await phone.context.close();
});

test('signing out everywhere ends this session and every other one', async ({
	page,
	browser,
	baseURL,
	clientAddress
}) => {
	const person = newPerson('overal');
	await signUpAndVerify(page, person);
	await signIn(page, person.email, person.password);
	const phone = await secondDevice(browser, baseURL, clientAddress);
	await signIn(phone.page, person.email, person.password);

	const account = await openAccount(page);
	await account.sessions.getByRole('button', { name: 'Overal afmelden' }).click();
	await expect(
		page.getByText('Je bent overal afgemeld, ook op je andere toestellen.')
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Afmelden', exact: true })).toHaveCount(0);
	await expectAccessible(page);

	await page.goto('/account');
	await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible();
	await phone.page.goto('/account');
	await expect(phone.page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible();
	await phone.context.close();
});
