import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test } from '../fixtures';
import { signIn, signOut } from '../pages/auth';

test('a broker reads in the audit log who read the signals; a resident cannot open it', async ({
	page,
	signInAs
}) => {
	// A volunteer passes on a signal.
	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await page.goto('/signals/new');
	await page.getByRole('radio', { name: 'Over een persoon' }).check();
	await page.getByRole('radio', { name: 'Ja, die weet het en is akkoord' }).check();
	await page.getByLabel('Over wie of wat (kort)').fill(`Buurman nr. 12 ${Date.now().toString(36)}`);
	await page.getByLabel('Wat wil je doorgeven?').fill('Zijn brievenbus puilt uit.');
	await page.getByRole('button', { name: 'Doorgeven' }).click();
	await expect(page.getByText('Bedankt. Een buurtwerker leest het.')).toBeVisible();
	await signOut(page);

	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	// Opening the signals shows their content, so it is logged.
	await page.goto('/broker/signals');
	await expect(page.getByText('Zijn brievenbus puilt uit.').first()).toBeVisible();
	await page.goto('/broker');
	await page.getByRole('link', { name: 'Logboek' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Logboek' })).toBeVisible();
	await page.getByLabel('Soort handeling').selectOption({ label: 'Signalen' });
	await page.getByRole('button', { name: 'Toon' }).click();
	await expect(page).toHaveURL(/action=signal/);
	const newest = page.getByRole('row').nth(1);
	await expect(newest).toContainText('Las een signaal');
	await expect(newest).toContainText('An');
	// Only signal actions are listed under that filter.
	for (const row of await page.getByRole('row').all())
		await expect(row).not.toContainText('Keurde een bericht goed');
	await expectAccessible(page);
	await signOut(page);

	await signInAs(page, 'resident');
	expect((await page.goto('/broker/audit'))?.status()).toBe(403);
});
