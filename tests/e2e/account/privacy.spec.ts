import { readFile } from 'node:fs/promises';
import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test } from '../fixtures';
import { expectSignInRefused, newPerson, openAccount } from '../pages/account';
import { signIn, signOut, signUpAndVerify } from '../pages/auth';
import { nextWeekday, shift, today } from '../dates';
import { errorSummary, fillDate } from '../pages/forms';

test('a person downloads everything stored about them as a file', async ({ page }) => {
	const person = newPerson('gegevens', 'Rosalie');
	await signUpAndVerify(page, person);
	await signIn(page, person.email, person.password);
	const account = await openAccount(page);

	const downloading = page.waitForEvent('download');
	await account.privacy.getByRole('link', { name: 'Download mijn gegevens' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^naburig-data-\d{4}-\d{2}-\d{2}\.json$/);
	const text = await readFile(await download.path(), 'utf8');
	const data = JSON.parse(text);
	expect(data.profile.displayName).toBe('Rosalie');
	expect(data.profile.email).toBe(person.email);
	expect(data.sessions.length).toBeGreaterThan(0);
	expect(data.mails.map((m: { subject: string }) => m.subject)).toContain(
		'Bevestig je e-mailadres voor Naburig'
	);
	expect(text).not.toContain('passwordHash');
	expect(text).not.toContain('argon2');
	expect(text).not.toMatch(/secretHash|tokenHash/);
});

test('the data download is only for the signed-in person', async ({ page }) => {
	const response = await page.request.get('/account/data', { maxRedirects: 0 });
	expect(response.status()).toBe(303);
	expect(response.headers()['location']).toBe('/sign-in?next=%2Faccount%2Fdata');
});

test('a person deletes the account; afterwards the old address and password no longer sign in', async ({
	page
}) => {
	const person = newPerson('weg');
	await signUpAndVerify(page, person);
	await signIn(page, person.email, person.password);
	const account = await openAccount(page);
	await account.privacy.getByRole('link', { name: 'Mijn account verwijderen' }).click();
	await expect(page.getByRole('heading', { name: 'Mijn account verwijderen' })).toBeVisible();
	await expect(page.getByText('Dit kan niet ongedaan gemaakt worden.')).toBeVisible();
	await expectAccessible(page);

	// Forgetting the box is explained beside it, and the password typed stays.
	const confirm = page.getByLabel('Ja, ik wil mijn account en mijn gegevens voorgoed verwijderen.');
	await page.getByLabel('Je huidige wachtwoord').fill(person.password);
	await page.getByRole('button', { name: 'Mijn account verwijderen' }).click();
	await expect(
		errorSummary(page).getByRole('link', {
			name: 'Vink dit aan als je je account echt wilt verwijderen.'
		})
	).toBeVisible();
	await expect(page.getByLabel('Je huidige wachtwoord')).toHaveValue(person.password);
	await expectAccessible(page);

	await confirm.check();
	await page.getByLabel('Je huidige wachtwoord').fill('niet mijn wachtwoord');
	await page.getByRole('button', { name: 'Mijn account verwijderen' }).click();
	await expect(
		errorSummary(page).getByRole('link', { name: 'Dit wachtwoord klopt niet.' })
	).toBeVisible();
	await expect(confirm).toBeChecked();

	await page.getByLabel('Je huidige wachtwoord').fill(person.password);
	await page.getByRole('button', { name: 'Mijn account verwijderen' }).click();
	await expect(page.getByRole('heading', { name: 'Je account is verwijderd' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Afmelden', exact: true })).toHaveCount(0);
	await expectAccessible(page);

	await expectSignInRefused(page, person.email, person.password);
	await page.goto('/account');
	await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible();
});

test('the only admin cannot delete their account, and nothing changes', async ({
	asAdmin: page
}) => {
	await page.goto('/account/delete');
	await page.getByLabel('Ja, ik wil mijn account en mijn gegevens voorgoed verwijderen.').check();
	await page.getByLabel('Je huidige wachtwoord').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Mijn account verwijderen' }).click();
	await expect(page.getByText('Je bent de enige beheerder.')).toBeVisible();
	// Still an admin: the admin area opens.
	const response = await page.goto('/admin');
	expect(response?.status()).toBe(200);
});

/** Next week's Monday and Tuesday in Brussels: the pick-up place is open on weekdays. */
function nextMondayAndTuesday(): [string, string] {
	const monday = nextWeekday(today(), 1);
	return [monday, shift(monday, 1)];
}

test('a person with a borrowed tool at home is asked to bring it back first, and can leave once it is back', async ({
	page
}) => {
	const person = newPerson('geleend', 'Rita');
	const [monday, tuesday] = nextMondayAndTuesday();
	await signUpAndVerify(page, person);
	await signIn(page, person.email, person.password);
	await page.goto('/tools?q=accu');
	await page.getByRole('link', { name: 'Accuschroefmachine' }).click();
	await page.getByLabel('Ik heb de afspraken gelezen en ik ga akkoord.').check();
	await page.getByRole('button', { name: 'Akkoord' }).click();
	await fillDate(page, 'Ophalen op', monday);
	await fillDate(page, 'Terugbrengen op', tuesday);
	await page.getByLabel('Ik heb de veiligheidsregels hierboven gelezen.').check();
	await page.getByRole('button', { name: 'Reserveren' }).click();
	await expect(page).toHaveURL(/\/loans\?reserved=\d+/);
	const loanId = new URL(page.url()).searchParams.get('reserved')!;
	await signOut(page);

	// The desk hands the screwdriver over.
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto(`/desk/loans/${loanId}`);
	await page.getByLabel('In welke staat is het toestel?').selectOption({ label: 'Goed' });
	await page.getByLabel('lader').check();
	await page.getByRole('button', { name: 'Meegeven bevestigen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Uitleenbalie' })).toBeVisible();
	await page.goto(`/desk/loans/${loanId}`);
	await expect(page.getByRole('button', { name: 'Terugname bevestigen' })).toBeVisible();
	await signOut(page);

	await signIn(page, person.email, person.password);
	await page.goto('/account/delete');
	await expect(
		page.getByText('Reservaties van gereedschap die je nog niet ophaalde, worden geannuleerd.', {
			exact: false
		})
	).toBeVisible();
	await page.getByLabel('Ja, ik wil mijn account en mijn gegevens voorgoed verwijderen.').check();
	await page.getByLabel('Je huidige wachtwoord').fill(person.password);
	await page.getByRole('button', { name: 'Mijn account verwijderen' }).click();
	await expect(
		page.getByText(
			'Je hebt nog gereedschap van de uitleenbalie thuis: Accuschroefmachine. Breng het eerst terug.',
			{ exact: false }
		)
	).toBeVisible();
	await expectAccessible(page);
	// Nothing changed: still signed in, and the account is still there.
	await expect(page.getByRole('button', { name: 'Afmelden', exact: true })).toBeVisible();
	await openAccount(page);
	await signOut(page);

	// She brings it back; the desk takes it in. Now she can leave.
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto(`/desk/loans/${loanId}`);
	await page.getByLabel('In welke staat is het toestel?').selectOption({ label: 'Goed' });
	await page.getByLabel('lader').check();
	await page.getByRole('button', { name: 'Terugname bevestigen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: /Accuschroefmachine/ })).toBeVisible();
	await signOut(page);
	await signIn(page, person.email, person.password);
	await page.goto('/account/delete');
	await page.getByLabel('Ja, ik wil mijn account en mijn gegevens voorgoed verwijderen.').check();
	await page.getByLabel('Je huidige wachtwoord').fill(person.password);
	await page.getByRole('button', { name: 'Mijn account verwijderen' }).click();
	await expect(page.getByRole('heading', { name: 'Je account is verwijderd' })).toBeVisible();
});
