import { writeFileSync } from 'node:fs';
import { expect, expectAccessible, test } from '../fixtures';

/**
 * Issue 21 §4: the social map is public in plain words, so residents find help themselves; a
 * broker imports services from a CSV export after a preview of what will change.
 */
test('anyone finds a service and its phone on the public social map', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: /Hulp in de buurt/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Hulp in de buurt' })).toBeVisible();
	const ocmw = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: 'OCMW Sociale dienst' }) });
	await expect(ocmw).toContainText('Helpt met geld, papieren, huur en energie.');
	await expect(ocmw.getByRole('link', { name: '03 444 10 00' })).toHaveAttribute(
		'href',
		'tel:034441000'
	);
	await expect(ocmw).toContainText('maandag 09:00');
	await expectAccessible(page);
	// The filter works without JavaScript: it is a plain form.
	await page.getByLabel(/Zoeken/).fill('voedsel');
	await page.getByRole('button', { name: 'Toon' }).click();
	await expect(page.getByRole('heading', { name: 'Voedselbank De Schakel' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'OCMW Sociale dienst' })).toHaveCount(0);
});

test('a broker imports services from a CSV file after a preview', async ({
	asBroker: an
}, testInfo) => {
	const run = Date.now().toString(36);
	const name = `Repair Café ${run}`;
	const file = testInfo.outputPath('sociale-kaart.csv');
	writeFileSync(
		file,
		[
			'\ufeffid;naam;beschrijving;soort;telefoon;adres;website;openingsuren',
			`rc-${run};${name};Samen kapotte spullen herstellen;other;015 22 33 44;Wijkhuis;;za 10:00-13:00`,
			`bad-${run};Zonder uren;Iets;other;;;;af en toe`
		].join('\n')
	);
	await an.goto('/broker/neighbourhoods/1/services');
	await an.getByRole('link', { name: 'Importeren uit een CSV-bestand' }).click();
	await expectAccessible(an);
	// Without a file: said beside the field.
	await an.getByRole('button', { name: 'Toon wat er verandert' }).click();
	await expect(an.getByLabel('CSV-bestand')).toHaveAccessibleDescription(/Kies een CSV-bestand\./);
	await an.getByLabel('CSV-bestand').setInputFiles(file);
	await an.getByRole('button', { name: 'Toon wat er verandert' }).click();
	await expect(an.getByRole('heading', { name: '1 nieuwe dienst' })).toBeVisible();
	await expect(an.getByText(name)).toBeVisible();
	await expect(an.getByText(/Rij 3: de openingsuren zijn niet te lezen/)).toBeVisible();
	await expectAccessible(an);
	// Nothing is on the map before the broker confirms.
	const publicPage = await an.context().newPage();
	await publicPage.goto('/help-nearby');
	await expect(publicPage.getByRole('heading', { name })).toHaveCount(0);

	await an.getByRole('button', { name: 'Bevestigen en bewaren' }).click();
	await expect(an.getByRole('status')).toHaveText('Bewaard: 1 nieuw, 0 gewijzigd, 0 weggehaald.');
	await publicPage.reload();
	const item = publicPage
		.getByRole('listitem')
		.filter({ has: publicPage.getByRole('heading', { name }) });
	await expect(item).toContainText('Samen kapotte spullen herstellen');
	await expect(item).toContainText('zaterdag 10:00');
});
