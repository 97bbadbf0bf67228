import { expect, expectAccessible, test, uniqueEmail } from '../fixtures';
import { signIn, signOut } from '../pages/auth';
import { linkIn, waitForMail } from '../smtp';
import { errorSummary } from '../pages/forms';

test('a newcomer signs up, confirms the address by mail (which signs them in), signs out and in', async ({
	page
}) => {
	const email = uniqueEmail('nieuw');
	const password = 'koffie met de buren op dinsdag';
	const since = Date.now();

	await page.goto('/sign-up');
	await expectAccessible(page);
	await page.getByLabel('Je naam').fill('Rosa');
	await page.getByLabel('E-mailadres').fill('rosa-at-example');
	await page.getByLabel('Kies een wachtwoord').fill('wachtwoord');
	await page.getByRole('button', { name: 'Account maken' }).click();

	// Both mistakes are explained beside their fields, and what was typed stays.
	await expect(
		errorSummary(page).getByRole('link', { name: 'Dit lijkt geen e-mailadres.' })
	).toBeVisible();
	await expect(
		errorSummary(page).getByRole('link', {
			name: 'Dit wachtwoord wordt door heel veel mensen gebruikt'
		})
	).toBeVisible();
	await expect(page.getByLabel('Je naam')).toHaveValue('Rosa');
	await expect(page.getByLabel('E-mailadres')).toHaveValue('rosa-at-example');
	await expectAccessible(page);

	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Kies een wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByRole('heading', { name: 'Kijk in je mailbox' })).toBeVisible();

	const mail = await waitForMail(email, { subject: /Bevestig je e-mailadres/, after: since });
	expect(mail.text).toContain('Hallo Rosa');
	await page.goto(linkIn(mail, /^\/verify-email\//));
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page.getByRole('heading', { name: 'Je e-mailadres is bevestigd' })).toBeVisible();
	// Confirming the address signed the newcomer in: no second sign-in.
	await expect(page.getByText('Aangemeld als Rosa')).toBeVisible();
	await signOut(page);

	// The link works once only, and then offers to sign in.
	await page.goto(linkIn(mail, /^\/verify-email\//));
	await expect(page.getByText('Deze link is al gebruikt.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Bevestigen' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Aanmelden' }).last()).toBeVisible();

	await signIn(page, email, password);
	await expect(page.getByText('Aangemeld als Rosa')).toBeVisible();
	await signOut(page);
	await expect(page.getByRole('link', { name: 'Aanmelden' })).toBeVisible();
});

test('a confirmation link opened in another browser confirms the address but signs nobody in', async ({
	page,
	browser
}) => {
	// Someone could sign up with another person's address: that person's browser never asked for
	// the account, so the link must not sign them into an account whose password they did not choose.
	const email = uniqueEmail('elders');
	const since = Date.now();
	await page.goto('/sign-up');
	await page.getByLabel('Je naam').fill('Joris');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Kies een wachtwoord').fill('fietsen langs de vaart in mei');
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByRole('heading', { name: 'Kijk in je mailbox' })).toBeVisible();
	const mail = await waitForMail(email, { subject: /Bevestig je e-mailadres/, after: since });

	const elsewhere = await browser.newContext({ locale: 'nl-NL' });
	try {
		const other = await elsewhere.newPage();
		await other.goto(linkIn(mail, /^\/verify-email\//));
		await other.getByRole('button', { name: 'Bevestigen' }).click();
		await expect(other.getByRole('heading', { name: 'Je e-mailadres is bevestigd' })).toBeVisible();
		await expect(other.getByText('Aangemeld als Joris')).toHaveCount(0);
		await expect(other.getByRole('link', { name: 'Aanmelden' }).last()).toBeVisible();
	} finally {
		await elsewhere.close();
	}
});

test('signing up with an address that has an account gives the same answer and mails the owner', async ({
	page
}) => {
	const since = Date.now();
	await page.goto('/sign-up');
	await page.getByLabel('Je naam').fill('Iemand');
	await page.getByLabel('E-mailadres').fill('maria@naburig.example');
	await page.getByLabel('Kies een wachtwoord').fill('een heel ander wachtwoord');
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByRole('heading', { name: 'Kijk in je mailbox' })).toBeVisible();
	const mail = await waitForMail('maria@naburig.example', {
		subject: /al een account/,
		after: since
	});
	expect(mail.text).toContain('Iemand probeerde een nieuw account te maken');
});

test('a wrong password is refused with a clear message, and repeated tries are slowed down', async ({
	page
}) => {
	// A fresh address, as a real one: the waits count per address and client address.
	const email = uniqueEmail('slot');
	await page.goto('/sign-in');
	await expectAccessible(page);
	const attempt = async (password: string) => {
		await page.getByLabel('E-mailadres').fill(email);
		await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
		await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.getByRole('button', { name: 'Aanmelden' }).click()
		]);
	};
	// The first two tries get the plain answer (a typo costs nothing)…
	for (let i = 0; i < 2; i++) {
		await attempt(`fout-${i}`);
		await expect(
			page.getByText('Dit e-mailadres en wachtwoord horen niet bij elkaar.')
		).toBeVisible();
		await expect(page.getByLabel('E-mailadres')).toHaveValue(email);
	}
	// …then each next try must wait longer (1, 2, 4, … seconds): quick tries are refused.
	const slowed = page.getByText('Je hebt het te vaak geprobeerd.');
	for (let i = 2; i < 8 && !(await slowed.isVisible()); i++) await attempt(`fout-${i}`);
	await expect(slowed).toBeVisible();
	await expect(page.getByRole('button', { name: 'Afmelden' })).toHaveCount(0);
});
