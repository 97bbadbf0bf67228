import { expect, test, uniqueEmail } from '../fixtures';
import { newPerson, openAccount } from '../pages/account';
import { signIn, signUpAndVerify } from '../pages/auth';
import { linkIn, waitForMail } from '../smtp';
import { errorSummary } from '../pages/forms';

// Every form works without JavaScript: plain posts, errors and messages rendered by the server.
test.use({ javaScriptEnabled: false });

test('the account forms work without JavaScript', async ({ page }) => {
	const person = newPerson('zonder-js');
	await signUpAndVerify(page, person);
	await signIn(page, person.email, person.password);

	let account = await openAccount(page);
	await account.changePassword.getByLabel('Je huidige wachtwoord').fill('fout');
	await account.changePassword
		.getByLabel('Nieuw wachtwoord')
		.fill('soep eten bij de buren op vrijdag');
	await account.changePassword.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
	account = { ...account, ...(await sectionsAfterPost(page)) };
	await expect(
		errorSummary(account.changePassword).getByRole('link', { name: 'Dit wachtwoord klopt niet.' })
	).toBeVisible();
	await expect(account.changePassword.getByLabel('Nieuw wachtwoord')).toHaveValue(
		'soep eten bij de buren op vrijdag'
	);
	// The other form on the page is not touched by this one's error.
	await expect(account.changeEmail.getByText('Dit wachtwoord klopt niet.')).toHaveCount(0);

	const newEmail = uniqueEmail('zonder-js-nieuw');
	const since = Date.now();
	await account.changeEmail.getByLabel('Nieuw e-mailadres').fill(newEmail);
	await account.changeEmail.getByLabel('Je huidige wachtwoord').fill(person.password);
	await account.changeEmail.getByRole('button', { name: 'Stuur de bevestiging' }).click();
	account = { ...account, ...(await sectionsAfterPost(page)) };
	await expect(
		account.changeEmail.getByText(`We hebben een e-mail gestuurd naar ${newEmail}.`)
	).toBeVisible();
	await waitForMail(newEmail, { subject: /Bevestig je nieuwe e-mailadres/, after: since });

	await account.sessions.getByRole('button', { name: 'Overal afmelden' }).click();
	await expect(page.getByText('Je bent overal afgemeld')).toBeVisible();

	// Reset by link, without JavaScript too.
	const resetSince = Date.now();
	await page.goto('/reset-password');
	await page.getByLabel('E-mailadres').fill(person.email);
	await page.getByRole('button', { name: 'Stuur mij een link' }).click();
	await expect(page.getByRole('heading', { name: 'Kijk in je mailbox' })).toBeVisible();
	const mail = await waitForMail(person.email, {
		subject: /Kies een nieuw wachtwoord/,
		after: resetSince
	});
	await page.goto(linkIn(mail, /^\/reset-password\//));
	await page.getByLabel('Nieuw wachtwoord').fill('een nieuw wachtwoord zonder javascript');
	await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
	await expect(
		page.getByText('Je nieuwe wachtwoord is opgeslagen. Je bent aangemeld.')
	).toBeVisible();
	await page.goto(linkIn(mail, /^\/reset-password\//));
	await expect(page.getByText('Deze link is al gebruikt.')).toBeVisible();

	await page.goto('/account/delete');
	await page.getByLabel('Je huidige wachtwoord').fill('een nieuw wachtwoord zonder javascript');
	await page.getByRole('button', { name: 'Mijn account verwijderen' }).click();
	await expect(
		errorSummary(page).getByRole('link', {
			name: 'Vink dit aan als je je account echt wilt verwijderen.'
		})
	).toBeVisible();
	await page.getByLabel('Ja, ik wil mijn account en mijn gegevens voorgoed verwijderen.').check();
	await page.getByLabel('Je huidige wachtwoord').fill('een nieuw wachtwoord zonder javascript');
	await page.getByRole('button', { name: 'Mijn account verwijderen' }).click();
	await expect(page.getByRole('heading', { name: 'Je account is verwijderd' })).toBeVisible();
});

/** After a plain POST the page is new: look the sections up again. */
async function sectionsAfterPost(page: import('@playwright/test').Page) {
	return {
		changeEmail: page.getByRole('region', { name: 'E-mailadres wijzigen' }),
		changePassword: page.getByRole('region', { name: 'Wachtwoord wijzigen' }),
		sessions: page.getByRole('region', { name: 'Overal afmelden' })
	};
}
