import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import QRCode from 'qrcode';
import { SITE_DATABASE } from '../commands';
import { expect, expectAccessible, test } from '../fixtures';

const results = (page: Page) => page.getByRole('region', { name: 'Gereedschap', exact: true });

test('a visitor finds the drill by searching, reads its safety notes and where to pick it up', async ({
	page
}) => {
	await page.goto('/');
	await page
		.getByRole('navigation', { name: 'Hoofdmenu' })
		.getByRole('link', { name: 'Gereedschap lenen' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Gereedschap lenen' })).toBeVisible();
	await expect(results(page).getByRole('listitem')).toHaveCount(9);
	await expectAccessible(page);

	await page.getByLabel('Zoek op naam of beschrijving').fill('boor');
	await page.getByRole('button', { name: 'Zoeken' }).click();
	await expect(page).toHaveURL(/[?&]q=boor/);
	await expect(results(page).getByRole('listitem')).toHaveCount(1);
	await expect(results(page).getByText('Gevonden: 1')).toBeVisible();
	const drill = results(page).getByRole('listitem').first();
	await expect(drill.getByRole('link', { name: 'Klopboormachine' })).toBeVisible();
	await expect(drill.getByText('beschikbaar')).toBeVisible();
	await expect(drill.getByText('Ophalen bij: Dienstencentrum De Schijf')).toBeVisible();

	// Nothing found is said in words.
	await page.getByLabel('Zoek op naam of beschrijving').fill('helikopter');
	await page.getByRole('button', { name: 'Zoeken' }).click();
	await expect(page.getByText('Geen gereedschap gevonden.')).toBeVisible();
	await expectAccessible(page);

	// The filtered view is a plain address: it can be bookmarked.
	await page.goto('/tools?q=boor');
	await page.getByRole('link', { name: 'Klopboormachine' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Klopboormachine' })).toBeVisible();
	const safety = page.getByRole('region', { name: /Let op je veiligheid/ });
	await expect(safety).toContainText('Draag een veiligheidsbril.');
	await expect(safety).toContainText('Kijk eerst of er geen leidingen in de muur zitten.');
	const pickup = page.getByRole('region', { name: 'Ophalen en terugbrengen' });
	await expect(pickup).toContainText('Dienstencentrum De Schijf');
	await expect(pickup).toContainText('Oud-Oefenplein 1');
	await expect(pickup.getByRole('listitem').first()).toHaveText('maandag: 09:00 tot 12:00');
	await expect(page.getByText(/Wat het kost om te vervangen: €\s129,00/)).toBeVisible();
	await expect(page.getByText('Geen waarborg.')).toBeVisible();
	await expect(
		page.getByText('Gekocht met de KBS-subsidie 2024 van de Koning Boudewijnstichting.')
	).toBeVisible();
	await expect(page.getByRole('region', { name: /breng alles terug/ })).toContainText(
		'5 steenboren'
	);
	await expect(page.getByText('Gewoonlijk 3 dagen, hoogstens 7 dagen.')).toBeVisible();
	await expectAccessible(page);
});

test('a visitor finds the drill by filtering on its kind', async ({ page }) => {
	await page.goto('/tools');
	await page.getByLabel('Soort gereedschap').selectOption({ label: 'Klussen' });
	await page.getByRole('button', { name: 'Zoeken' }).click();
	await expect(page).toHaveURL(/[?&]category=diy/);
	await expect(results(page).getByRole('listitem')).toHaveCount(3);
	await expect(results(page).getByRole('link', { name: 'Klopboormachine' })).toBeVisible();
	await expect(results(page).getByRole('link', { name: 'Grasmaaier (elektrisch)' })).toHaveCount(0);
	await expect(page.getByLabel('Soort gereedschap')).toHaveValue('diy');

	await page.getByRole('link', { name: 'Alles tonen' }).click();
	await expect(results(page).getByRole('listitem')).toHaveCount(9);
});

test.describe('a long catalogue', () => {
	// The demo lends 9 tools, fewer than a page: 30 more hammers, put in as an inventory import
	// would, and taken out again so the other tests see the demo catalogue.
	const tag = (i: number) => `PAGE-${String(i).padStart(2, '0')}`;
	const withDatabase = (work: (db: Database.Database) => void) => {
		const db = new Database(SITE_DATABASE);
		db.pragma('busy_timeout = 5000');
		try {
			work(db);
		} finally {
			db.close();
		}
	};
	test.beforeAll(() =>
		withDatabase((db) => {
			const add = db.prepare(
				`insert into tools (neighbourhood_id, asset_tag, name, description, category_id,
					pickup_place_id, status, created_at)
				 select neighbourhood_id, ?, ?, 'Om te timmeren.', category_id, pickup_place_id,
					'available', created_at from tools where asset_tag = 'KBS-001'`
			);
			for (let i = 1; i <= 30; i++) add.run(tag(i), `Testhamer ${String(i).padStart(2, '0')}`);
		})
	);
	test.afterAll(() =>
		withDatabase((db) => db.prepare("delete from tools where asset_tag like 'PAGE-%'").run())
	);

	test('shows 24 tools a page, and the page links keep the search', async ({ page }) => {
		await page.goto('/tools');
		await page.getByLabel('Zoek op naam of beschrijving').fill('testhamer');
		await page.getByRole('button', { name: 'Zoeken' }).click();
		await expect(results(page).getByText('Gevonden: 30')).toBeVisible();
		await expect(results(page).getByRole('listitem')).toHaveCount(24);
		await expect(results(page).getByRole('link', { name: 'Testhamer 01' })).toBeVisible();
		const pages = results(page).getByRole('navigation', { name: "Pagina's" });
		await expect(pages).toContainText('Pagina 1 van 2');
		await expect(pages.getByRole('link', { name: 'Vorige pagina' })).toHaveCount(0);
		await expectAccessible(page);

		await pages.getByRole('link', { name: 'Volgende pagina' }).click();
		await expect(page).toHaveURL(/[?&]q=testhamer&page=2$/);
		await expect(results(page).getByRole('listitem')).toHaveCount(6);
		await expect(results(page).getByRole('link', { name: 'Testhamer 30' })).toBeVisible();
		await expect(results(page).getByText('Gevonden: 30')).toBeVisible();
		await expect(page.getByLabel('Zoek op naam of beschrijving')).toHaveValue('testhamer');
		await expect(pages).toContainText('Pagina 2 van 2');
		await expect(pages.getByRole('link', { name: 'Volgende pagina' })).toHaveCount(0);

		await pages.getByRole('link', { name: 'Vorige pagina' }).click();
		await expect(results(page).getByRole('link', { name: 'Testhamer 01' })).toBeVisible();
		await expect(results(page).getByRole('listitem')).toHaveCount(24);
	});
});

test('the label shows a QR code that opens the tool page, and the asset tag', async ({
	page,
	request
}) => {
	await page.goto('/tools?q=Klopboormachine');
	await page.getByRole('link', { name: 'Klopboormachine' }).click();
	await expect(page).toHaveURL(/\/tools\/\d+$/);
	const toolUrl = page.url();
	await page.getByRole('link', { name: 'Etiket afdrukken' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Etiket: Klopboormachine' })
	).toBeVisible();
	const qr = page.getByRole('img', { name: 'QR-code die de pagina van Klopboormachine opent' });
	await expect(qr).toBeVisible();
	await expect(qr).toHaveJSProperty('complete', true);
	expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
	await expect(page.getByRole('article')).toContainText('KBS-001');
	await expectAccessible(page);

	const svg = await request.get((await qr.getAttribute('src'))!);
	expect(svg.headers()['content-type']).toBe('image/svg+xml');
	// The same code as the qrcode package makes for the tool page's address: scanning it opens it.
	expect(await svg.text()).toBe(
		await QRCode.toString(toolUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
	);

	// On paper only the card is printed.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('banner')).toBeHidden();
	await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
	await expect(qr).toBeVisible();
});

test('the desk opens a tool by its asset tag, in any case, or hears that no tool has it', async ({
	page
}) => {
	await page.goto('/tools');
	await page.getByLabel('Inventarisnummer', { exact: true }).fill('kbs-003');
	await page.getByRole('button', { name: 'Openen' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Huishoudladder, 3 x 8 treden' })
	).toBeVisible();
	await expect(page.getByText('Inventarisnummer: KBS-003')).toBeVisible();
	await expect(page.getByText(/Waarborg: €\s20,00/)).toBeVisible();

	await page.goto('/tools');
	await page.getByLabel('Inventarisnummer', { exact: true }).fill('KBS-999');
	await page.getByRole('button', { name: 'Openen' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Er is geen gereedschap met inventarisnummer KBS-999. Kijk het nummer na op het etiket.'
	);
	await expect(page.getByLabel('Inventarisnummer', { exact: true })).toHaveValue('KBS-999');
	await expect(page.getByLabel('Inventarisnummer', { exact: true })).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await expectAccessible(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('search, filter, tool page, look-up and label all work', async ({ page }) => {
		await page.goto('/tools');
		await page.getByLabel('Zoek op naam of beschrijving').fill('ladder');
		await page.getByRole('button', { name: 'Zoeken' }).click();
		await expect(results(page).getByRole('listitem')).toHaveCount(1);

		await page.getByLabel('Zoek op naam of beschrijving').fill('');
		await page.getByLabel('Soort gereedschap').selectOption({ label: 'Tuin' });
		await page.getByRole('button', { name: 'Zoeken' }).click();
		await expect(results(page).getByRole('listitem')).toHaveCount(2);
		await expect(
			results(page).getByRole('link', { name: 'Elektrische heggenschaar' })
		).toBeVisible();

		await page.getByLabel('Inventarisnummer', { exact: true }).fill('Kbs-001');
		await page.getByRole('button', { name: 'Openen' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Klopboormachine' })).toBeVisible();
		await expect(page.getByRole('region', { name: /Let op je veiligheid/ })).toBeVisible();
		await page.getByRole('link', { name: 'Etiket afdrukken' }).click();
		await expect(
			page.getByRole('img', { name: 'QR-code die de pagina van Klopboormachine opent' })
		).toBeVisible();
	});
});
