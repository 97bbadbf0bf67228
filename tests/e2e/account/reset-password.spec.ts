import { expect, expectAccessible, test, uniqueEmail } from '../fixtures';
import { expectSignInRefused, newPerson } from '../pages/account';
import { signIn, signOut, signUpAndVerify } from '../pages/auth';
import { linkIn, readMails, waitForMail } from '../smtp';
import { errorSummary } from '../pages/forms';

test('a person who forgot the password chooses a new one through the mailed link', async ({
	page
}) => {
	const person = newPerson('vergeten');
	const newPassword = 'soep eten bij de buren op vrijdag';
	await signUpAndVerify(page, person);

	await page.goto('/sign-in');
	await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
	await expect(page.getByRole('heading', { name: 'Wachtwoord vergeten' })).toBeVisible();
	await expectAccessible(page);

	// A mistake is explained beside the field, and what was typed stays.
	await page.getByLabel('E-mailadres').fill('rosa-zonder-apenstaartje');
	await page.getByRole('button', { name: 'Stuur mij een link' }).click();
	await expect(
		errorSummary(page).getByRole('link', { name: 'Dit lijkt geen e-mailadres.' })
	).toBeVisible();
	await expect(page.getByLabel('E-mailadres')).toHaveValue('rosa-zonder-apenstaartje');
	await expectAccessible(page);

	const since = Date.now();
	await page.getByLabel('E-mailadres').fill(person.email);
	await page.getByRole('button', { name: 'Stuur mij een link' }).click();
	await expect(
		page.getByText('Als er een account bestaat voor dit adres, hebben we een e-mail gestuurd')
	).toBeVisible();
	await expectAccessible(page);

	const mail = await waitForMail(person.email, {
		subject: /Kies een nieuw wachtwoord/,
		after: since
	});
	expect(mail.text).toContain('Hallo Rosa');
	const link = linkIn(mail, /^\/reset-password\/[a-z0-9]+$/);

	await page.goto(link);
	await expect(page.getByRole('heading', { name: 'Kies een nieuw wachtwoord' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Nieuw wachtwoord').fill('kort');
	await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
	await expect(
		errorSummary(page).getByRole('link', { name: 'Kies een wachtwoord van minstens 8 tekens.' })
	).toBeVisible();
	await expect(page.getByLabel('Nieuw wachtwoord')).toHaveValue('kort');
	await expectAccessible(page);

	await page.getByLabel('Nieuw wachtwoord').fill(newPassword);
	await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
	await expect(
		page.getByText('Je nieuwe wachtwoord is opgeslagen. Je bent aangemeld.')
	).toBeVisible();
	await expect(page.getByText('Aangemeld als Rosa')).toBeVisible();
	await signOut(page);

	await expectSignInRefused(page, person.email, person.password);
	await signIn(page, person.email, newPassword);
	await signOut(page);

	// The link works once only, and says so.
	await page.goto(link);
	await expect(page.getByText('Deze link is al gebruikt.')).toBeVisible();
	await expect(page.getByLabel('Nieuw wachtwoord')).toHaveCount(0);
	await expectAccessible(page);
	await signIn(page, person.email, newPassword);
});

test('the form answers the same for an address without an account, and mails nobody', async ({
	page
}) => {
	const unknown = uniqueEmail('onbekend');
	const known = newPerson('bekend');
	await signUpAndVerify(page, known);
	const since = Date.now();

	await page.goto('/reset-password');
	await page.getByLabel('E-mailadres').fill(unknown);
	await page.getByRole('button', { name: 'Stuur mij een link' }).click();
	await expect(page.getByRole('heading', { name: 'Kijk in je mailbox' })).toBeVisible();
	const unknownAnswer = await page.getByRole('main').innerText();

	await page.goto('/reset-password');
	await page.getByLabel('E-mailadres').fill(known.email);
	await page.getByRole('button', { name: 'Stuur mij een link' }).click();
	await expect(page.getByRole('heading', { name: 'Kijk in je mailbox' })).toBeVisible();
	expect(await page.getByRole('main').innerText()).toBe(unknownAnswer);

	// Mail is sent in order: once the second request's mail is in, the first would be too.
	await waitForMail(known.email, { subject: /Kies een nieuw wachtwoord/, after: since });
	expect(readMails().filter((m) => m.to.includes(unknown))).toEqual([]);
});

test('asking too often for one address from one device is slowed down with a friendly message', async ({
	page
}) => {
	const email = uniqueEmail('vaak');
	// A second try at once is fine (a typo); the third must wait half a minute.
	for (let i = 0; i < 2; i++) {
		await page.goto('/reset-password');
		await page.getByLabel('E-mailadres').fill(email);
		await page.getByRole('button', { name: 'Stuur mij een link' }).click();
		await expect(page.getByRole('heading', { name: 'Kijk in je mailbox' })).toBeVisible();
	}
	await page.goto('/reset-password');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByRole('button', { name: 'Stuur mij een link' }).click();
	await expect(page.getByText('Je hebt het te vaak geprobeerd.')).toBeVisible();
	await expect(page.getByLabel('E-mailadres')).toHaveValue(email);
	await expectAccessible(page);
});

test('a damaged link gives a clear page with a way to ask for a new one', async ({ page }) => {
	await page.goto('/reset-password/ditisgeenechtelinkditisgeenechte');
	await expect(page.getByText('Deze link werkt niet.')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Vraag een nieuwe link aan' }).click();
	await expect(page.getByRole('heading', { name: 'Wachtwoord vergeten' })).toBeVisible();
});
