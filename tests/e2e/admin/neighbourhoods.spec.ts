import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test, uniqueEmail } from '../fixtures';
import {
	enterSecondFactor,
	setUpSecondFactor,
	signIn,
	signOut,
	signUpAndVerify
} from '../pages/auth';
import { errorSummary } from '../pages/forms';

/** A square around the centre of Leuven, as a GeoJSON Feature (as geojson.io exports it). */
const LEUVEN = JSON.stringify({
	type: 'Feature',
	properties: {},
	geometry: {
		type: 'Polygon',
		coordinates: [
			[
				[4.69, 50.87],
				[4.71, 50.87],
				[4.71, 50.89],
				[4.69, 50.89],
				[4.69, 50.87]
			]
		]
	}
});

const STREETS_CSV = [
	'name,lat,lon',
	'Bondgenotenlaan,50.880,4.705',
	'Naamsestraat,50.875,4.700',
	'Verweg,51.5,4.0',
	',50.88,4.70'
].join('\n');

test('the admin creates a neighbourhood and a broker, who imports its streets', async ({
	page
}) => {
	test.slow();
	const name = `Leuven-Centrum ${Date.now().toString(36)}`;
	const broker = {
		name: 'Bram',
		email: uniqueEmail('bemiddelaar'),
		password: 'de straten van leuven kennen'
	};
	await signUpAndVerify(page, broker);

	await signIn(page, DEMO.admin, DEMO_PASSWORD);
	await page.getByRole('link', { name: 'Beheer' }).click();
	await expect(page.getByRole('heading', { name: 'Beheer', level: 1 })).toBeVisible();
	await expect(
		page.getByRole('link', { name: 'Oud-Oefenplein en Vuurkruisenplein', exact: true })
	).toBeVisible();
	await expectAccessible(page);

	// The people search finds a person by part of their address.
	await page.getByLabel('E-mailadres of naam').fill('hasan@');
	await page.getByRole('button', { name: 'Zoeken' }).click();
	await expect(page.getByRole('listitem').filter({ hasText: 'Hasan Kaya' })).toContainText(
		'buurtwerker'
	);

	await page.getByRole('link', { name: 'Nieuwe buurt maken' }).click();
	await expect(page.getByRole('heading', { name: 'Nieuwe buurt' })).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Kaart om de grens van de buurt te tekenen' })
	).toBeVisible();
	await expectAccessible(page);

	// First with broken JSON and phone hours that end before they start.
	const broken = '{"type": "Polygon", "coordinates": [[[4.69, 50.87], [4.71';
	await page.getByLabel('Naam van de buurt').fill(name);
	await page.getByLabel('Grens van de buurt (GeoJSON)').fill(broken);
	await page.getByLabel('Blok 1: Dag').selectOption({ label: 'dinsdag' });
	await page.getByLabel('Blok 1: Van').fill('12:00');
	await page.getByLabel('Blok 1: Tot').fill('09:00');
	await page.getByLabel('Telefoonnummer van de buurtwerker').fill('016 12 34 56');
	await page.getByRole('button', { name: 'Buurt maken' }).click();
	await expect(
		errorSummary(page).getByRole('link', { name: 'Dit is geen geldige grens.' })
	).toBeVisible();
	await expect(
		errorSummary(page).getByRole('link', { name: 'Het einde moet later zijn dan het begin.' })
	).toBeVisible();
	await expect(page.getByLabel('Grens van de buurt (GeoJSON)')).toHaveValue(broken);
	await expect(page.getByLabel('Grens van de buurt (GeoJSON)')).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await expect(page.getByLabel('Naam van de buurt')).toHaveValue(name);
	await expectAccessible(page);

	await page.getByLabel('Grens van de buurt (GeoJSON)').fill(LEUVEN);
	await page.getByLabel('Blok 1: Van').fill('09:00');
	await page.getByLabel('Blok 1: Tot').fill('12:00');
	await page.getByLabel('Blok 2: Dag').selectOption({ label: 'donderdag' });
	await page.getByLabel('Blok 2: Van').fill('13:30');
	await page.getByLabel('Blok 2: Tot').fill('16:30');
	await page.getByRole('button', { name: 'Buurt maken' }).click();

	await expect(page.getByRole('heading', { name: `Buurt: ${name}` })).toBeVisible();
	await expect(page.getByText('De buurt is gemaakt.')).toBeVisible();
	await expect(page.getByLabel('Blok 1: Dag')).toHaveValue('2');
	await expect(page.getByLabel('Blok 2: Van')).toHaveValue('13:30');
	await expect(page.getByLabel('Korte naam voor het webadres')).toHaveValue(/^leuven-centrum-/);
	// The centre was worked out from the boundary.
	await expect(page.getByLabel('Breedtegraad (lat)')).toHaveValue('50.88');
	await expect(page.getByText('De kaart toont de grens uit het vak.')).toBeVisible();
	await expectAccessible(page);

	// Changing a setting later; the form keeps what was saved.
	await page.getByLabel('Opvolging na hoeveel dagen').fill('21');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('Opgeslagen.')).toBeVisible();
	await expect(page.getByLabel('Opvolging na hoeveel dagen')).toHaveValue('21');
	await page.reload();
	await expect(page.getByLabel('Opvolging na hoeveel dagen')).toHaveValue('21');
	await expect(page.getByLabel('Blok 2: Tot')).toHaveValue('16:30');

	// Only people with an account can become broker.
	await page.getByLabel('E-mailadres').fill(uniqueEmail('niemand'));
	await page.getByRole('button', { name: 'Buurtwerker maken' }).click();
	await expect(page.getByText('Er is geen account met dit e-mailadres.')).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('E-mailadres').fill(broker.email);
	await page.getByRole('button', { name: 'Buurtwerker maken' }).click();
	await expect(page.getByText('Bram is nu buurtwerker van deze buurt.')).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: broker.email })).toBeVisible();
	await signOut(page);

	// The new broker must set up the second step before any broker page opens, then lands where
	// they were going, sees the neighbourhood and imports its streets.
	await signIn(page, broker.email, broker.password);
	await page.getByRole('link', { name: 'Buurtwerk' }).click();
	await expect(
		page.getByText(
			'Stel eerst de tweede stap in. Daarna ga je verder naar de pagina die je wilde openen.'
		)
	).toBeVisible();
	await expectAccessible(page);
	await setUpSecondFactor(page, broker.email);
	await expect(page.getByRole('heading', { name })).toBeVisible();
	await expect(page.getByText('Oud-Oefenplein')).toHaveCount(0);
	await expectAccessible(page);
	await page.getByRole('link', { name: `Straten van ${name}` }).click();
	await expect(page.getByRole('heading', { name: `Straten van ${name}`, level: 1 })).toBeVisible();
	await expect(page.getByText('Er zijn nog geen straten.')).toBeVisible();
	await expectAccessible(page);

	await page
		.getByLabel('Bestand (CSV of GeoJSON)')
		.setInputFiles({ name: 'straten.csv', mimeType: 'text/csv', buffer: Buffer.from(STREETS_CSV) });
	await page.getByRole('button', { name: 'Importeren' }).click();
	await expect(page.getByText('Klaar: 2 toegevoegd, 0 bijgewerkt, 2 overgeslagen.')).toBeVisible();
	await expect(page.getByText('Regel 4 (Verweg): ligt buiten de grens van de buurt')).toBeVisible();
	await expect(page.getByText('Regel 5: geen naam')).toBeVisible();
	await expect(
		page.getByRole('row', { name: /Bondgenotenlaan 50\.88000, 4\.70500/ })
	).toBeVisible();
	await expect(page.getByRole('row', { name: /Naamsestraat/ })).toBeVisible();
	await expectAccessible(page);

	// Importing the same file again updates instead of doubling.
	await page.getByLabel('Of plak de tekst van het bestand hier').fill(STREETS_CSV);
	await page.getByRole('button', { name: 'Importeren' }).click();
	await expect(page.getByText('Klaar: 0 toegevoegd, 2 bijgewerkt, 2 overgeslagen.')).toBeVisible();

	// A street added by clicking on the map, in the middle of the neighbourhood.
	await page.getByLabel('Naam van de straat').fill('Ladeuzeplein');
	await page.getByRole('region', { name: 'Kaart om het punt van de straat te kiezen' }).click();
	await expect(page.getByLabel('Breedtegraad (lat)')).toHaveValue(/^50\.88/);
	await page.getByRole('button', { name: 'Straat toevoegen' }).click();
	await expect(page.getByText('Ladeuzeplein is toegevoegd.')).toBeVisible();
	await expect(page.getByRole('row', { name: /Ladeuzeplein/ })).toBeVisible();

	// Renaming, then removing a street.
	await page.getByRole('link', { name: 'Naamsestraat' }).click();
	await expectAccessible(page);
	await page.getByLabel('Naam van de straat').fill('Naamsestraat-Zuid');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('De straat is opgeslagen.')).toBeVisible();
	await page.getByRole('button', { name: 'Straat weghalen' }).click();
	await expect(page.getByText('De straat is weggehaald.')).toBeVisible();
	await expect(page.getByRole('row', { name: /Naamsestraat/ })).toHaveCount(0);

	// Brokers only work on their own neighbourhoods.
	const response = await page.goto('/broker/neighbourhoods/1/streets');
	expect(response?.status()).toBe(403);
	await expect(page.getByText('Je hebt geen toegang tot deze pagina.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Beheer' })).toHaveCount(0);
});

test('the demo broker opens the demo neighbourhood’s streets, but not the admin pages', async ({
	asBroker: page
}) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Buurtwerk' }).click();
	await page.getByRole('link', { name: 'Straten van Oud-Oefenplein en Vuurkruisenplein' }).click();
	await expect(page).toHaveURL(/\/broker\/neighbourhoods\/1\/streets$/);
	await expect(page.getByRole('row', { name: /Kazernestraat/ })).toBeVisible();
	const response = await page.goto('/admin');
	expect(response?.status()).toBe(403);
	await expect(page.getByText('Je hebt geen toegang tot deze pagina.')).toBeVisible();
	await expectAccessible(page);
});

test('a resident gets no access to the admin and broker pages', async ({ asResident: page }) => {
	await page.goto('/');
	await expect(page.getByRole('link', { name: 'Buurtwerk' })).toHaveCount(0);
	for (const path of [
		'/admin',
		'/admin/neighbourhoods/new',
		'/admin/neighbourhoods/1',
		'/broker',
		'/broker/neighbourhoods/1/streets'
	]) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(403);
		await expect(page.getByText('Je hebt geen toegang tot deze pagina.')).toBeVisible();
	}
});

test('anonymous visitors are sent to sign in, and come back afterwards', async ({ page }) => {
	for (const path of [
		'/admin',
		'/admin/neighbourhoods/new',
		'/broker',
		'/broker/neighbourhoods/1/streets'
	]) {
		await page.goto(path);
		await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(path)}`);
	}
	await page.getByLabel('E-mailadres').fill(DEMO.broker);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	// A broker passes the code step; the page they asked for still opens afterwards.
	await enterSecondFactor(page, DEMO.broker);
	await expect(
		page.getByRole('heading', { name: 'Straten van Oud-Oefenplein en Vuurkruisenplein' })
	).toBeVisible();
});

test('the admin draws a boundary on the map with the mouse and with the keyboard', async ({
	asAdmin: page
}) => {
	await page.goto('/admin/neighbourhoods/new');
	const map = page.getByRole('region', { name: 'Kaart om de grens van de buurt te tekenen' });
	const field = page.getByLabel('Grens van de buurt (GeoJSON)');
	const box = (await map.boundingBox())!;
	await map.click({ position: { x: box.width * 0.3, y: box.height * 0.3 } });
	await map.click({ position: { x: box.width * 0.7, y: box.height * 0.3 } });
	await expect(
		page.getByText('Hoeken getekend: 2. Een grens heeft minstens 3 hoeken.')
	).toBeVisible();
	await expect(field).toHaveValue('');
	await map.click({ position: { x: box.width * 0.5, y: box.height * 0.7 } });
	await expect(page.getByText('Hoeken getekend: 3. De grens staat in het vak.')).toBeVisible();
	const drawn = JSON.parse(await field.inputValue());
	expect(drawn.type).toBe('Polygon');
	expect(drawn.coordinates[0]).toHaveLength(4);
	expect(drawn.coordinates[0][0]).toEqual(drawn.coordinates[0][3]);

	await page.getByRole('button', { name: 'Laatste hoek weg' }).click();
	await expect(field).toHaveValue('');
	await page.getByRole('button', { name: 'Grens wissen' }).click();
	await expect(page.getByText('Er is nog geen grens.')).toBeVisible();

	// Keyboard only: move the map with the arrow keys and add the corner under the cross.
	const addCentre = page.getByRole('button', { name: 'Hoek in het midden van de kaart' });
	for (const key of ['ArrowLeft', 'ArrowUp', 'ArrowRight']) {
		await map.focus();
		await page.keyboard.press(key);
		await page.keyboard.press(key);
		await addCentre.focus();
		await page.keyboard.press('Enter');
	}
	await expect(page.getByText('Hoeken getekend: 3. De grens staat in het vak.')).toBeVisible();
	expect(JSON.parse(await field.inputValue()).coordinates[0]).toHaveLength(4);

	// Pasting into the field replaces the drawing.
	await field.fill(LEUVEN);
	await expect(page.getByText('De kaart toont de grens uit het vak.')).toBeVisible();
	await expectAccessible(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the admin creates a neighbourhood, adds a street and imports streets with plain forms', async ({
		asAdmin: page
	}) => {
		const name = `Zonder script ${Date.now().toString(36)}`;
		await page.goto('/admin/neighbourhoods/new');
		await expect(page.getByText('Om te tekenen is JavaScript nodig.')).toBeVisible();
		await page.getByLabel('Naam van de buurt').fill(name);
		await page
			.getByLabel('Grens van de buurt (GeoJSON)')
			.fill('{"type":"Point","coordinates":[4.7,50.88]}');
		await page.getByLabel('Opvolging na hoeveel dagen').fill('120');
		await page.getByRole('button', { name: 'Buurt maken' }).click();
		await expect(
			errorSummary(page).getByRole('link', { name: 'Dit is geen geldige grens.' })
		).toBeVisible();
		await expect(
			errorSummary(page).getByRole('link', { name: 'Kies een aantal dagen van 1 tot 90.' })
		).toBeVisible();
		await expect(page.getByLabel('Naam van de buurt')).toHaveValue(name);

		await page.getByLabel('Grens van de buurt (GeoJSON)').fill(LEUVEN);
		await page.getByLabel('Opvolging na hoeveel dagen').fill('10');
		await page.getByLabel('Blok 3: Dag').selectOption({ label: 'vrijdag' });
		await page.getByLabel('Blok 3: Van').fill('09:00');
		await page.getByLabel('Blok 3: Tot').fill('11:30');
		await page.getByRole('button', { name: 'Buurt maken' }).click();
		await expect(page.getByText('De buurt is gemaakt.')).toBeVisible();
		// The only filled row is saved, as the first one.
		await expect(page.getByLabel('Blok 1: Dag')).toHaveValue('5');
		await expect(page.getByLabel('Opvolging na hoeveel dagen')).toHaveValue('10');

		await page.getByRole('link', { name: 'Straten van deze buurt' }).click();
		await page.getByLabel('Naam van de straat').fill('Tiensestraat');
		await page.getByLabel('Breedtegraad (lat)').fill('50,877');
		await page.getByLabel('Lengtegraad (lon)').fill('4,706');
		await page.getByRole('button', { name: 'Straat toevoegen' }).click();
		await expect(page.getByText('Tiensestraat is toegevoegd.')).toBeVisible();
		await expect(page.getByRole('row', { name: /Tiensestraat 50\.87700, 4\.70600/ })).toBeVisible();

		await page.getByLabel('Bestand (CSV of GeoJSON)').setInputFiles({
			name: 'straten.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(STREETS_CSV)
		});
		await page.getByRole('button', { name: 'Importeren' }).click();
		await expect(
			page.getByText('Klaar: 2 toegevoegd, 0 bijgewerkt, 2 overgeslagen.')
		).toBeVisible();
		await expect(page.getByRole('row', { name: /Bondgenotenlaan/ })).toBeVisible();
	});
});
