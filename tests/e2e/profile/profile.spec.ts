import type { Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test, uniqueEmail } from '../fixtures';
import { signIn, signOut, signUpAndVerify } from '../pages/auth';
import { errorSummary } from '../pages/forms';

const PASSWORD = 'buren helpen buren graag';
const NEIGHBOURHOOD = 'Oud-Oefenplein en Vuurkruisenplein';
const MAP = 'Kaart om aan te duiden waar je woont';
// A 1×1 transparent PNG: the test machine has no internet, so every map tile is this.
const BLANK_TILE = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
	'base64'
);

test.beforeEach(async ({ page }) => {
	await page.route(/tile\.openstreetmap\.org/, (route) =>
		route.fulfill({ contentType: 'image/png', body: BLANK_TILE })
	);
});

/** Leaflet ignores arrow keys while the map is still moving: one press at a time. */
async function panMap(page: Page, key: 'ArrowUp' | 'ArrowDown', times: number): Promise<void> {
	await page.getByRole('region', { name: MAP }).focus();
	for (let i = 0; i < times; i++) {
		await page.keyboard.press(key);
		await page.waitForTimeout(350);
	}
}

/** What a neighbour receives for a public profile: a full page load, seen by someone else. */
async function publicHtmlAsNeighbour(page: Page, url: string): Promise<string> {
	await signOut(page);
	await signIn(page, DEMO.resident, DEMO_PASSWORD);
	await page.goto(url);
	return page.content();
}

/** A fresh, signed-in person: these tests change a profile, so never a demo account. */
async function newPerson(page: Page, name: string): Promise<void> {
	const email = uniqueEmail('profiel');
	await signUpAndVerify(page, { name, email, password: PASSWORD });
	await signIn(page, email, PASSWORD);
}

async function openProfile(page: Page): Promise<void> {
	await page.goto('/profile');
	await expect(page.getByRole('heading', { name: 'Mijn profiel', level: 1 })).toBeVisible();
	// The map loads when the person scrolls towards it, and is ready once its buttons appear.
	await page
		.getByRole('heading', { name: 'Of zet een speld op de kaart' })
		.scrollIntoViewIfNeeded();
	await expect(
		page.getByRole('button', { name: 'Zet de speld in het midden van de kaart' })
	).toBeVisible();
}

const save = (page: Page) => page.getByRole('button', { name: 'Opslaan' }).click();

test('a person fills in every field, fixes a mistake, and finds it all back', async ({ page }) => {
	await newPerson(page, 'Rosalie');
	await openProfile(page);
	await expect(page.getByRole('region', { name: MAP })).toBeVisible();
	await expectAccessible(page);

	await page.getByLabel('Je naam').fill('Rosalie Peeters');
	await page.getByLabel('Telefoonnummer').fill('0470 12 34 56');
	await page
		.getByLabel('Iets over jezelf')
		.fill('Ik hou van wandelen en van een babbel. '.repeat(15));
	await page.getByRole('checkbox', { name: 'Nederlands' }).check();
	await page.getByRole('checkbox', { name: 'Turks (Türkçe)' }).check();
	await page.getByRole('checkbox', { name: 'Boodschappen' }).check();
	await page.getByRole('checkbox', { name: 'Hond uitlaten' }).check();
	await page.getByRole('checkbox', { name: 'maandag voormiddag' }).check();
	await page.getByRole('checkbox', { name: 'zaterdag avond' }).check();
	await page.getByLabel('Je straat').selectOption({ label: 'Kazernestraat' });
	await page.getByLabel('Huisnummer').fill('14 bus 2');
	await save(page);

	// The mistake is explained beside its field; nothing else that was typed is lost.
	const about = page.getByLabel('Iets over jezelf');
	await expect(page.getByRole('alert', { name: 'Er is een probleem' })).toBeVisible();
	await expect(about).toHaveAttribute('aria-invalid', 'true');
	await expect(about).toHaveAccessibleDescription(/Schrijf hoogstens 500 tekens/);
	await expect(page.getByLabel('Je naam')).toHaveValue('Rosalie Peeters');
	await expect(page.getByLabel('Telefoonnummer')).toHaveValue('0470 12 34 56');
	await expect(page.getByRole('checkbox', { name: 'Turks (Türkçe)' })).toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'Hond uitlaten' })).toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'zaterdag avond' })).toBeChecked();
	await expect(page.getByLabel('Je straat')).toHaveValue(/\d+/);
	await expect(page.getByLabel('Huisnummer')).toHaveValue('14 bus 2');
	await expectAccessible(page);

	await about.fill('Ik hou van wandelen en van een babbel.');
	await save(page);
	await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();
	await expect(
		page.getByText(`Anderen zien alleen in welke buurt je woont: ${NEIGHBOURHOOD}.`)
	).toBeVisible();

	await page.reload();
	await expect(page.getByLabel('Je naam')).toHaveValue('Rosalie Peeters');
	await expect(page.getByLabel('Telefoonnummer')).toHaveValue('0470 12 34 56');
	await expect(page.getByLabel('Iets over jezelf')).toHaveValue(
		'Ik hou van wandelen en van een babbel.'
	);
	for (const name of [
		'Nederlands',
		'Turks (Türkçe)',
		'Boodschappen',
		'Hond uitlaten',
		'maandag voormiddag',
		'zaterdag avond'
	]) {
		await expect(page.getByRole('checkbox', { name })).toBeChecked();
	}
	await expect(page.getByRole('checkbox', { name: 'Arabisch (العربية)' })).not.toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'maandag avond' })).not.toBeChecked();
	await expect(page.getByLabel('Je straat').locator('option:checked')).toHaveText('Kazernestraat');
	await expect(page.getByLabel('Huisnummer')).toHaveValue('14 bus 2');

	// What neighbours see: the first name and the neighbourhood, never the address or phone.
	await page.getByRole('link', { name: 'Bekijk hoe anderen je zien' }).click();
	await expect(page.getByRole('heading', { name: 'Rosalie', level: 1 })).toBeVisible();
	await expect(page.getByText(`Woont in ${NEIGHBOURHOOD}`)).toBeVisible();
	await expect(page.getByText('Ik hou van wandelen en van een babbel.')).toBeVisible();
	await expect(page.getByText('Turks (Türkçe)')).toBeVisible();
	await expect(page.getByText('Hond uitlaten')).toBeVisible();
	await expect(page.getByText(/Lid sinds \w+ \d{4}/)).toBeVisible();
	await expectAccessible(page);
	const html = await publicHtmlAsNeighbour(page, page.url());
	await expect(page.getByRole('heading', { name: 'Rosalie', level: 1 })).toBeVisible();
	for (const secret of [
		'14 bus 2',
		'0470 12 34 56',
		'Peeters',
		'Kazernestraat',
		'@test.naburig.example'
	]) {
		expect(html, `public profile shows ${secret}`).not.toContain(secret);
	}
	await expectAccessible(page);
});

test('a person places a pin by clicking the map or with the centre button, and it must lie in the neighbourhood', async ({
	page
}) => {
	await newPerson(page, 'Karim');
	await openProfile(page);
	const map = page.getByRole('region', { name: MAP });
	const status = page.getByRole('status').filter({ hasText: 'speld' });
	await expect(status).toHaveText('Er staat geen speld op de kaart.');
	// Choosing the street first brings the map to it.
	await page.getByLabel('Je straat').selectOption({ label: 'Kazernestraat' });

	// Far to the north, outside the dotted line: the page warns, and the server refuses.
	await panMap(page, 'ArrowUp', 14);
	await page.getByRole('button', { name: 'Zet de speld in het midden van de kaart' }).click();
	await expect(status).toHaveText('De speld staat buiten de buurt. Zet ze binnen de stippellijn.');
	await save(page);
	await expect(
		errorSummary(page).getByRole('link', { name: 'De speld staat buiten elke buurt van Naburig.' })
	).toBeVisible();
	await expect(page.getByText('Je hebt nog niet gekozen waar je woont.')).toBeVisible();

	// Back to the middle of the neighbourhood, and a click puts the pin there.
	await page.getByRole('button', { name: 'Haal de speld weg' }).click();
	await expect(status).toHaveText('Er staat geen speld op de kaart.');
	// Choosing the street on the square brings the map back into the neighbourhood.
	await page.getByLabel('Je straat').selectOption({ label: 'Oud-Oefenplein' });
	const box = (await map.boundingBox())!;
	await map.click({ position: { x: box.width / 2 + 40, y: box.height / 2 + 30 } });
	await expect(status).toHaveText(`De speld staat in de buurt ${NEIGHBOURHOOD}.`);
	await expect(
		page.getByText('Anderen zien alleen dit blauwe vlak, nooit je adres.')
	).toBeVisible();
	const lat = await page.locator('input[name="pinLat"]').inputValue();
	const lon = await page.locator('input[name="pinLon"]').inputValue();
	expect(Number(lat)).toBeGreaterThan(51);
	expect(Number(lon)).toBeGreaterThan(4);
	await expectAccessible(page);
	await save(page);
	await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();

	// The pin is kept: after a reload it is still in the neighbourhood, at the same place.
	await page.reload();
	await expect(page.getByRole('button', { name: 'Haal de speld weg' })).toBeVisible();
	await expect(status).toHaveText(`De speld staat in de buurt ${NEIGHBOURHOOD}.`);
	await expect(page.locator('input[name="pinLat"]')).toHaveValue(lat);
	await expect(
		page.getByText(`Anderen zien alleen in welke buurt je woont: ${NEIGHBOURHOOD}.`)
	).toBeVisible();

	await page.getByRole('link', { name: 'Bekijk hoe anderen je zien' }).click();
	await expect(page.getByRole('heading', { name: 'Karim', level: 1 })).toBeVisible();
	await expect(page.getByText(`Woont in ${NEIGHBOURHOOD}`)).toBeVisible();
	const html = await publicHtmlAsNeighbour(page, page.url());
	await expect(page.getByText(`Woont in ${NEIGHBOURHOOD}`)).toBeVisible();
	for (const secret of [lat, lon, Number(lat).toFixed(4), Number(lon).toFixed(4)]) {
		expect(html, `public profile shows ${secret}`).not.toContain(secret);
	}
});

test('the profile form fits a 360 px wide screen without scrolling sideways', async ({ page }) => {
	await newPerson(page, 'Mila');
	await page.setViewportSize({ width: 360, height: 780 });
	await openProfile(page);
	await expect(page.getByRole('region', { name: MAP })).toBeVisible();
	const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
	expect(width).toBeLessThanOrEqual(360);
	await page.getByRole('checkbox', { name: 'zondag avond' }).scrollIntoViewIfNeeded();
	const box = (await page.getByRole('checkbox', { name: 'zondag avond' }).boundingBox())!;
	expect(box.x + box.width).toBeLessThanOrEqual(360);
});

test('the public profile needs a signed-in person, and an unknown person is not found', async ({
	page
}) => {
	await page.goto('/people/aaaaaaaaaaaaaaaaaaaa');
	await expect(page).toHaveURL(/\/sign-in\?next=/);
	await newPerson(page, 'Noor');
	const response = await page.goto('/people/aaaaaaaaaaaaaaaaaaaa');
	expect(response?.status()).toBe(404);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the profile form still saves, with the street list instead of the map', async ({
		page
	}) => {
		await newPerson(page, 'Jules');
		await page.goto('/profile');
		await expect(page.getByRole('heading', { name: 'Of zet een speld op de kaart' })).toBeVisible();
		await expect(
			page.getByRole('button', { name: 'Zet de speld in het midden van de kaart' })
		).toHaveCount(0);
		await page.getByLabel('Iets over jezelf').fill('Ik heb geen JavaScript nodig.');
		await page.getByRole('checkbox', { name: 'Frans (Français)' }).check();
		await page.getByRole('checkbox', { name: 'woensdag namiddag' }).check();
		await page.getByLabel('Je straat').selectOption({ label: 'Paradeplein' });
		await page.getByLabel('Huisnummer').fill('3');
		await save(page);
		await expect(page.getByText('Opgeslagen.')).toBeVisible();

		await page.goto('/profile');
		await expect(page.getByLabel('Iets over jezelf')).toHaveValue('Ik heb geen JavaScript nodig.');
		await expect(page.getByRole('checkbox', { name: 'Frans (Français)' })).toBeChecked();
		await expect(page.getByRole('checkbox', { name: 'woensdag namiddag' })).toBeChecked();
		await expect(page.getByLabel('Je straat').locator('option:checked')).toHaveText('Paradeplein');
		await expect(
			page.getByText(`Anderen zien alleen in welke buurt je woont: ${NEIGHBOURHOOD}.`)
		).toBeVisible();
	});
});
