import { expect, expectAccessible, test, uniqueEmail } from '../fixtures';
import { newPerson, openAccount } from '../pages/account';
import { signIn, signOut, signUpAndVerify } from '../pages/auth';
import { linkIn, waitForMail } from '../smtp';
import { errorSummary } from '../pages/forms';

test('a person changes the e-mail address after typing the password again, and confirms it from the new mailbox', async ({
	page
}) => {
	const person = newPerson('oud-adres');
	const newEmail = uniqueEmail('nieuw-adres');
	await signUpAndVerify(page, person);
	await signIn(page, person.email, person.password);

	const account = await openAccount(page);
	await expect(account.email.getByText(`Je e-mailadres is ${person.email}`)).toBeVisible();
	await expect(account.email.getByText('Dit adres is bevestigd.')).toBeVisible();
	await expectAccessible(page);

	// Mistakes are explained beside their fields, and what was typed stays.
	const form = account.changeEmail;
	await form.getByLabel('Nieuw e-mailadres').fill('nieuw-adres');
	await form.getByLabel('Je huidige wachtwoord').fill(person.password);
	await form.getByRole('button', { name: 'Stuur de bevestiging' }).click();
	await expect(
		errorSummary(form).getByRole('link', { name: 'Dit lijkt geen e-mailadres.' })
	).toBeVisible();
	await expect(form.getByLabel('Nieuw e-mailadres')).toHaveValue('nieuw-adres');
	await expectAccessible(page);

	await form.getByLabel('Nieuw e-mailadres').fill(newEmail);
	await form.getByLabel('Je huidige wachtwoord').fill('een verkeerd wachtwoord');
	await form.getByRole('button', { name: 'Stuur de bevestiging' }).click();
	await expect(
		errorSummary(form).getByRole('link', { name: 'Dit wachtwoord klopt niet.' })
	).toBeVisible();
	await expect(form.getByLabel('Nieuw e-mailadres')).toHaveValue(newEmail);
	await expectAccessible(page);

	const since = Date.now();
	await form.getByLabel('Je huidige wachtwoord').fill(person.password);
	await form.getByRole('button', { name: 'Stuur de bevestiging' }).click();
	await expect(form.getByText(`We hebben een e-mail gestuurd naar ${newEmail}.`)).toBeVisible();
	// Until the link is used, the old address stays.
	await expect(account.email.getByText(`Je e-mailadres is ${person.email}`)).toBeVisible();
	await expect(
		account.email.getByText(`We wachten nog op de bevestiging van je nieuwe adres ${newEmail}.`)
	).toBeVisible();

	const notice = await waitForMail(person.email, { subject: /wordt gewijzigd/, after: since });
	expect(notice.text).toContain(newEmail);
	const mail = await waitForMail(newEmail, {
		subject: /Bevestig je nieuwe e-mailadres/,
		after: since
	});
	expect(mail.text).toContain('Hallo Rosa');
	await page.goto(linkIn(mail, /^\/verify-email\//));
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page.getByRole('heading', { name: 'Je e-mailadres is bevestigd' })).toBeVisible();

	const after = await openAccount(page);
	await expect(after.email.getByText(`Je e-mailadres is ${newEmail}`)).toBeVisible();
	await expect(after.email.getByText('We wachten nog')).toHaveCount(0);

	await signOut(page);
	await signIn(page, newEmail, person.password);
});

test('an unverified address can get its confirmation mail again', async ({ page }) => {
	const person = newPerson('opnieuw');
	await page.goto('/sign-up');
	await page.getByLabel('Je naam').fill(person.name);
	await page.getByLabel('E-mailadres').fill(person.email);
	await page.getByLabel('Kies een wachtwoord').fill(person.password);
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByRole('heading', { name: 'Kijk in je mailbox' })).toBeVisible();
	await signIn(page, person.email, person.password);

	const account = await openAccount(page);
	await expect(account.email.getByText('Dit adres is nog niet bevestigd.')).toBeVisible();
	const since = Date.now();
	await account.email.getByRole('button', { name: 'Stuur de e-mail opnieuw' }).click();
	await expect(
		account.email.getByText(`We hebben een nieuwe e-mail gestuurd naar ${person.email}.`)
	).toBeVisible();
	await expectAccessible(page);
	const mail = await waitForMail(person.email, {
		subject: /Bevestig je e-mailadres/,
		after: since
	});
	await page.goto(linkIn(mail, /^\/verify-email\//));
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	const after = await openAccount(page);
	await expect(after.email.getByText('Dit adres is bevestigd.')).toBeVisible();
	await expect(after.email.getByRole('button', { name: 'Stuur de e-mail opnieuw' })).toHaveCount(0);
});
