import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { test, expect, expectAccessible, uniqueEmail } from '../fixtures';
import { signIn, signOut, signUpAndVerify } from '../pages/auth';

/** The code an authenticator app shows, `ahead` 30-second steps from now (one step is accepted). */
function codeFor(keyText: string, ahead = 0): string {
	const step = Math.floor(Date.now() / 30_000) + ahead;
	return generateHOTP(decodeBase32IgnorePadding(keyText), BigInt(step), 6);
}

async function passwordStep(
	page: import('@playwright/test').Page,
	email: string,
	password: string
) {
	await page.goto('/sign-in');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
}

test('a person sets up a second factor, then signs in with a code or a recovery code once', async ({
	page
}) => {
	const person = {
		name: 'Tweede Stap',
		email: uniqueEmail('tweestap'),
		password: 'een lang wachtwoord'
	};
	await signUpAndVerify(page, person);
	await signIn(page, person.email, person.password);

	await page.goto('/account/two-factor');
	await expect(page.getByRole('heading', { name: 'Tweede stap bij het inloggen' })).toBeVisible();
	await expect(page.locator('svg').first()).toBeVisible();
	await expectAccessible(page);
	const key = (await page.getByTestId('totp-key').textContent())!.trim();

	// A wrong code is refused with a clear message.
	await page.getByLabel('De code van zes cijfers').fill('12345');
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page.getByText('Deze code klopt niet.')).toBeVisible();

	await page.getByLabel('De code van zes cijfers').fill(codeFor(key));
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page.getByRole('heading', { name: 'Je herstelcodes' })).toBeVisible();
	const codes = (await page.getByTestId('recovery-codes').locator('li').allTextContents()).map(
		(c) => c.trim()
	);
	expect(codes).toHaveLength(8);
	await expectAccessible(page);

	// Signing in again asks for the code.
	await signOut(page);
	await passwordStep(page, person.email, person.password);
	await expect(page.getByRole('heading', { name: 'Vul je code in' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Code uit je app').fill('000000');
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page.getByText('Deze code klopt niet.')).toBeVisible();
	// The setup code's step was used; the next step's code is accepted (one step of drift allowed).
	await page.getByLabel('Code uit je app').fill(codeFor(key, 1));
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page).not.toHaveURL(/two-factor/);

	// A recovery code works once.
	await signOut(page);
	await passwordStep(page, person.email, person.password);
	await page.getByLabel('Code uit je app').fill(codes[0]!);
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page).not.toHaveURL(/two-factor/);
	await signOut(page);
	await passwordStep(page, person.email, person.password);
	await page.getByLabel('Code uit je app').fill(codes[0]!);
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page.getByText('Deze code klopt niet.')).toBeVisible();
});

test('a person without a second factor is never asked for a code', async ({ page }) => {
	const person = {
		name: 'Geen Code',
		email: uniqueEmail('geencode'),
		password: 'een lang wachtwoord'
	};
	await signUpAndVerify(page, person);
	await signIn(page, person.email, person.password);
	await signOut(page);
	await passwordStep(page, person.email, person.password);
	await expect(page.getByRole('button', { name: 'Afmelden', exact: true })).toBeVisible();
	await expect(page).not.toHaveURL(/two-factor/);
});
