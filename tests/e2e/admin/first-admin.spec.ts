import { expect, expectAccessible, test, uniqueEmail } from '../fixtures';
import { runCommand } from '../commands';
import { setUpSecondFactor } from '../pages/auth';

test('the administrator made with the command chooses a password, then must set up the second factor', async ({
	page
}) => {
	const email = uniqueEmail('beheerder');
	const printed = runCommand('admin-create', ['--email', email, '--name', 'Lien Beheer']);
	const link = printed.match(/http:\/\/localhost:\d+(\/reset-password\/[a-z0-9]+)/)![1]!;

	await page.goto(link);
	await expect(page.getByRole('heading', { name: 'Kies een nieuw wachtwoord' })).toBeVisible();
	await page.getByLabel('Nieuw wachtwoord').fill('een sterk beheerderswachtwoord');
	await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
	await expect(page.getByText('Aangemeld als Lien Beheer')).toBeVisible();

	// No admin page opens before the second factor is set up.
	await page.goto('/admin');
	await expect(page).toHaveURL(/\/account\/two-factor\?next=%2Fadmin/);
	await expect(
		page.getByText(
			'Stel eerst de tweede stap in. Daarna ga je verder naar de pagina die je wilde openen.'
		)
	).toBeVisible();
	await expectAccessible(page);
	await setUpSecondFactor(page, email);
	await expect(page.getByRole('heading', { name: 'Beheer', exact: true })).toBeVisible();

	// The link worked once.
	await page.goto(link);
	await expect(page.getByText('Deze link is al gebruikt.')).toBeVisible();
});

test('the admin page shows how old the last good backup is', async ({ page, signInAs }) => {
	const printed = runCommand('backup');
	expect(printed).toMatch(/Backup made and checked/);
	await signInAs(page, 'admin');
	await page.goto('/admin');
	const backups = page.getByRole('region', { name: 'Back-ups' });
	await expect(
		backups.getByText('Laatste goede back-up: minder dan 2 minuten geleden.')
	).toBeVisible();
	await expectAccessible(page);
});
