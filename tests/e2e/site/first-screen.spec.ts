import sharp from 'sharp';
import type { Locator, Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, expectAccessible, test } from '../fixtures';
import { signIn, signOut } from '../pages/auth';

const PILOT_PHONE = '0470 11 22 33';
const GANZENPOEL_PHONE = '0472 80 90 10';
const RITA = 'rita@naburig.example';
const BRAM = 'bram@naburig.example';
const PHONE = { width: 360, height: 640 };

/** Signs in on a wide screen (where "Afmelden" shows without the menu), then turns into a phone. */
async function signInOnPhone(page: Page, email: string) {
	await page.setViewportSize({ width: 1280, height: 720 });
	await signIn(page, email, DEMO_PASSWORD);
	await page.setViewportSize(PHONE);
}

const phoneLink = (page: Page, phone: string) =>
	page.locator('main').getByRole('link', { name: phone, exact: true });

/** The link is on the first screen (no scrolling) and on one line, and it dials the number. */
async function expectOnFirstScreen(link: Locator, phone: string) {
	await expect(link).toHaveAttribute('href', `tel:${phone.replace(/\s/g, '')}`);
	const box = (await link.boundingBox())!;
	expect(box.y).toBeGreaterThanOrEqual(0);
	expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
	expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
	const lineHeight = await link.evaluate((a) => parseFloat(getComputedStyle(a).lineHeight));
	expect(box.height).toBeLessThan(lineHeight * 1.5);
}

test.describe('on a phone', () => {
	test.use({ viewport: PHONE });

	test('a visitor sees "ask", "offer" and the first neighbourhood’s number at once', async ({
		page
	}) => {
		await page.goto('/');
		const ask = page.getByRole('link', { name: 'Ik zoek hulp', exact: true });
		await expect(ask).toBeInViewport({ ratio: 1 });
		await expect(page.getByRole('link', { name: 'Ik bied hulp', exact: true })).toBeInViewport({
			ratio: 1
		});
		await expectOnFirstScreen(phoneLink(page, PILOT_PHONE), PILOT_PHONE);
		// The other neighbourhood's number is further down, not instead.
		await expect(phoneLink(page, GANZENPOEL_PHONE)).toBeAttached();
		await expectAccessible(page);

		// Not signed in: the button goes to sign-up, which will come back to the request form.
		await ask.click();
		await expect(page.getByRole('heading', { level: 1, name: 'Account maken' })).toBeVisible();
		expect(new URL(page.url()).searchParams.get('next')).toBe('/posts/new?kind=request');
		await expect(phoneLink(page, PILOT_PHONE)).toBeVisible();
	});

	test('a resident sees her own neighbourhood’s number first, in a short header', async ({
		page
	}) => {
		await signInOnPhone(page, RITA);
		await page.goto('/');
		const header = (await page.getByRole('banner').boundingBox())!;
		expect(header.height).toBeLessThanOrEqual(160);
		await expectOnFirstScreen(phoneLink(page, GANZENPOEL_PHONE), GANZENPOEL_PHONE);
		await expect(page.getByText('Bel de buurtwerker van Ganzenpoel:')).toBeInViewport();
		// The pilot's number comes after hers.
		const own = (await phoneLink(page, GANZENPOEL_PHONE).boundingBox())!;
		const pilot = (await phoneLink(page, PILOT_PHONE).boundingBox())!;
		expect(pilot.y).toBeGreaterThan(own.y);
		await expectAccessible(page);

		// "I can help" opens the form with an offer chosen.
		await page.getByRole('link', { name: 'Ik bied hulp', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.getByRole('radio', { name: /Ik bied hulp/ })).toBeChecked();
		await expect(page.getByRole('radio', { name: /Ik zoek hulp/ })).not.toBeChecked();
		await expect(phoneLink(page, GANZENPOEL_PHONE)).toBeVisible();
		await page.goto('/posts/new?kind=request');
		await expect(page.getByRole('radio', { name: /Ik zoek hulp/ })).toBeChecked();

		// The menu holds the rest, behind one button.
		await expect(page.getByRole('link', { name: 'Mijn profiel' })).toBeHidden();
		await page.getByText('Menu', { exact: true }).click();
		await page.getByRole('link', { name: 'Mijn profiel' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Mijn profiel' })).toBeVisible();
		// Followed a link: the menu is closed again.
		await expect(page.getByRole('link', { name: 'Mijn account' })).toBeHidden();
	});

	test('the menu opens and is followed by keyboard', async ({ page }) => {
		await page.goto('/tools');
		const menu = page.getByText('Menu', { exact: true });
		await menu.focus();
		await page.keyboard.press('Enter');
		const signInLink = page.getByRole('link', { name: 'Aanmelden' });
		await expect(signInLink).toBeVisible();
		await page.keyboard.press('Tab');
		await expect(page.getByRole('link', { name: 'Start' })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Naburig' })).toBeVisible();
	});

	test('one tap on a language name switches the language, without opening the menu', async ({
		page
	}) => {
		await page.goto('/sign-up');
		await page.getByRole('link', { name: 'English', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page).toHaveURL(/\/sign-up$/);
		await page.getByRole('link', { name: 'Nederlands', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Account maken' })).toBeVisible();
	});
});

test.describe('without JavaScript', () => {
	test.use({ viewport: PHONE, javaScriptEnabled: false });

	test('the menu still opens and its links work', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('link', { name: 'Gereedschap lenen' })).toBeHidden();
		await page.getByText('Menu', { exact: true }).click();
		await page.getByRole('link', { name: 'Gereedschap lenen' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Gereedschap lenen' })).toBeVisible();
		await page.getByRole('link', { name: 'English', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Borrow tools' })).toBeVisible();
		await page.getByRole('link', { name: 'Nederlands', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Gereedschap lenen' })).toBeVisible();
	});
});

test('the number is there wherever a person may get stuck', async ({ page, signInAs }) => {
	for (const url of ['/sign-up', '/follow-up/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '/no-such-page']) {
		await page.goto(url);
		await expect(phoneLink(page, PILOT_PHONE), url).toBeVisible();
		await expect(page.getByText('Bel de buurtwerker van Oud-Oefenplein')).toBeVisible();
	}
	await expect(page.getByRole('heading', { level: 1, name: 'Er ging iets mis' })).toBeVisible();
	await page.goto('/tools?q=Klopboormachine');
	await page.getByRole('link', { name: 'Klopboormachine' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Reserveren' })).toBeVisible();
	await expect(phoneLink(page, PILOT_PHONE)).toBeVisible();
	await expectAccessible(page);

	await signInAs(page, 'resident');
	await page.goto('/posts/new');
	await expect(phoneLink(page, PILOT_PHONE)).toBeVisible();
});

test('a broker shows her first name and photo where residents are told to call', async ({
	page,
	browser
}) => {
	await signIn(page, BRAM, DEMO_PASSWORD);
	await page.goto('/broker');
	await page.getByRole('link', { name: 'Je naam en foto bij het telefoonnummer' }).click();
	const photo = await sharp({
		create: { width: 400, height: 400, channels: 3, background: '#7a5' }
	})
		.jpeg()
		.toBuffer();
	// Too long a name is said beside the field, and nothing changes.
	await page.getByLabel('Je voornaam').fill('B'.repeat(41));
	await page.getByRole('button', { name: 'Bewaren' }).click();
	await expect(page.getByLabel('Je voornaam')).toHaveAccessibleDescription(/hoogstens 40 tekens/);
	await page.getByLabel('Je voornaam').fill('Bram');
	await page
		.getByLabel('Een foto van jezelf (mag je leeg laten)')
		.setInputFiles({ name: 'bram.jpg', mimeType: 'image/jpeg', buffer: photo });
	await page.getByRole('button', { name: 'Bewaren' }).click();
	await expect(page.getByRole('status')).toHaveText(/Bewaard/);
	await expect(page.getByText('Bel Bram, de buurtwerker van Ganzenpoel:')).toBeVisible();
	await expectAccessible(page);

	const rita = await browser.newContext({ locale: 'nl-BE' });
	const ritaPage = await rita.newPage();
	try {
		await signInOnPhone(ritaPage, RITA);
		await ritaPage.goto('/');
		await expect(ritaPage.getByText('Bel Bram, de buurtwerker van Ganzenpoel:')).toBeVisible();
		const img = ritaPage.locator('main .call-us img').first();
		await expect(img).toBeVisible();
		const src = (await img.getAttribute('src'))!;
		expect((await ritaPage.request.get(src)).headers()['content-type']).toBe('image/webp');
		await expectOnFirstScreen(phoneLink(ritaPage, GANZENPOEL_PHONE), GANZENPOEL_PHONE);
	} finally {
		await rita.close();
		// Back as the demo had it, for the other tests.
		await page.goto('/broker/call-face');
		await page.getByLabel('Je voornaam').fill('');
		await page.getByLabel('Haal mijn foto weg').check();
		await page.getByRole('button', { name: 'Bewaren' }).click();
		await expect(page.getByRole('status')).toHaveText(/Bewaard/);
		await signOut(page);
	}
});
