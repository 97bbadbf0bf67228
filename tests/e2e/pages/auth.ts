import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { expect, type Page } from '@playwright/test';
import { linkIn, waitForMail } from '../smtp';

/**
 * Second-factor keys of brokers and admins that tests set up this run (by e-mail), so signIn can
 * type the code their authenticator app would show, and the last step each used (codes are single use).
 */
const secondFactors = new Map<string, { key: string; lastStep: number }>();

/** The code an authenticator app with this key shows, and its 30-second step, never reusing one. */
async function nextCode(email: string): Promise<string> {
	const known = secondFactors.get(email)!;
	let step = Math.floor(Date.now() / 30_000);
	if (step <= known.lastStep) {
		// The server accepts one step ahead; beyond that, wait like a person waits for the app.
		step = known.lastStep + 1;
		const wait = (step - 1) * 30_000 - Date.now();
		if (wait > 0) await new Promise((r) => setTimeout(r, wait + 200));
	}
	known.lastStep = step;
	return generateHOTP(decodeBase32IgnorePadding(known.key), BigInt(step), 6);
}

/**
 * The code step of signing in, for brokers and admins: demo accounts show the demo code on the
 * page (demo mode); accounts a test set up use their key.
 */
export async function enterSecondFactor(page: Page, email: string): Promise<void> {
	await expect(page.getByRole('heading', { name: 'Vul je code in' })).toBeVisible();
	let code: string;
	if (secondFactors.has(email)) {
		code = await nextCode(email);
	} else {
		const shown = page.getByTestId('demo-code');
		const wait = page.getByTestId('demo-code-wait');
		await expect(shown.or(wait)).toBeVisible();
		while (await wait.isVisible()) {
			const seconds = Number((await wait.textContent())!.match(/(\d+) seconden/)![1]);
			await page.waitForTimeout(seconds * 1000 + 200);
			await page.reload();
			await expect(shown.or(wait)).toBeVisible();
		}
		code = (await shown.textContent())!.match(/(\d{6})/)![1]!;
	}
	await page.getByLabel('Code uit je app').fill(code);
	await page.getByRole('button', { name: 'Verder' }).click();
}

/** Signs in through the sign-in form, as a person would, with the code step when one is asked. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
	await page.goto('/sign-in');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await page.waitForURL((url) => url.pathname !== '/sign-in');
	if (new URL(page.url()).pathname === '/sign-in/two-factor') await enterSecondFactor(page, email);
	await expect(page).not.toHaveURL(/\/sign-in/);
	// On a phone it sits in the closed menu: there, but not shown.
	await expect(
		page.getByRole('button', { name: 'Afmelden', exact: true, includeHidden: true })
	).toBeAttached();
}

/**
 * A new broker or admin is sent to set up the second factor before their pages open: scans (types)
 * the key into the app, confirms with a code, and keeps the recovery codes. Call it on that page.
 */
export async function setUpSecondFactor(page: Page, email: string): Promise<string[]> {
	await expect(page.getByRole('heading', { name: 'Tweede stap bij het inloggen' })).toBeVisible();
	const key = (await page.getByTestId('totp-key').textContent())!.trim();
	secondFactors.set(email, { key, lastStep: -1 });
	await page.getByLabel('De code van zes cijfers').fill(await nextCode(email));
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page.getByRole('heading', { name: 'Je herstelcodes' })).toBeVisible();
	const codes = await page.getByTestId('recovery-codes').locator('li').allTextContents();
	await page.getByRole('link', { name: 'Ik heb mijn codes bewaard, verder' }).click();
	return codes.map((c) => c.trim());
}

/** Signs out with the button in the menu. */
export async function signOut(page: Page): Promise<void> {
	const button = page.getByRole('button', { name: 'Afmelden', exact: true });
	// Whether the menu is folded is decided by the stylesheet: wait until it is loaded (on a busy
	// machine the page's text can be there before it, and the button then looks hidden).
	await page.waitForLoadState('load');
	// On a phone the menu opens first.
	if (!(await button.isVisible())) await page.getByText('Menu', { exact: true }).click();
	await button.click();
	await expect(page.getByText('Je bent afgemeld.')).toBeVisible();
}

/**
 * Creates an account through the sign-up form and follows the link in the verification mail,
 * which signs the newcomer in; then signs out, so a test goes on from a browser without a session.
 */
export async function signUpAndVerify(
	page: Page,
	person: { name: string; email: string; password: string }
): Promise<void> {
	const since = Date.now();
	await page.goto('/sign-up');
	await page.getByLabel('Je naam').fill(person.name);
	await page.getByLabel('E-mailadres').fill(person.email);
	await page.getByLabel('Kies een wachtwoord').fill(person.password);
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByRole('heading', { name: 'Kijk in je mailbox' })).toBeVisible();
	const mail = await waitForMail(person.email, {
		subject: /Bevestig je e-mailadres/,
		after: since
	});
	await page.goto(linkIn(mail, /^\/verify-email\//));
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page.getByRole('heading', { name: 'Je e-mailadres is bevestigd' })).toBeVisible();
	await signOut(page);
}
