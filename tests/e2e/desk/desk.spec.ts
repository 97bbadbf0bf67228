import sharp from 'sharp';
import { expect, expectAccessible, test } from '../fixtures';
import {
	confirmCheckIn,
	confirmCheckOut,
	fillCheckIn,
	fillCheckOut,
	openToolPhotos
} from '../pages/desk';

/** A small real PNG (8 x 8 pixels, red), made here rather than stored as a file. */
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP4z8CAFWEXHbQSACj/P8Fu7N9hAAAAAElFTkSuQmCC',
	'base64'
);

test.describe.configure({ mode: 'serial' });

test('the broker hands over the lawn mower, takes back the hedge trimmer with damage and sends it to repair', async ({
	asBroker: page
}) => {
	// How often the trimmer went in repair this month so far, by the desk's figures.
	const repairsOfTrimmer = async () => {
		await page.goto('/desk');
		await page.getByRole('link', { name: 'Cijfers van de uitleendienst' }).click();
		const perTool = page.getByRole('table').first();
		await expect(perTool.getByRole('columnheader', { name: 'Keren in herstelling' })).toBeVisible();
		const trimmer = perTool.getByRole('row', { name: /Elektrische heggenschaar/ });
		return Number(await trimmer.getByRole('cell').last().textContent());
	};
	const repairsBefore = await repairsOfTrimmer();
	await page.goto('/desk');
	await expect(page.getByRole('heading', { level: 1, name: 'Uitleenbalie' })).toBeVisible();
	await expectAccessible(page);
	// The steamer in repair has a reservation: the desk sees whom to call.
	const flagged = page.getByRole('region', { name: 'Reservaties om te bespreken' });
	await expect(flagged.getByText('Behangafstomer')).toBeVisible();
	await expect(flagged.getByText(/Maria/)).toBeVisible();

	// Booked for today, the mower is not "available" in the list of tools.
	const mower = page
		.getByRole('region', { name: 'Alle toestellen' })
		.getByRole('listitem')
		.filter({ hasText: 'Grasmaaier (elektrisch)' });
	await expect(mower).toContainText('Gereserveerd vanaf');
	await expect(mower).not.toContainText('Beschikbaar');
	await page.getByRole('link', { name: 'Grasmaaier (elektrisch) meegeven' }).click();
	await expect(page.getByRole('heading', { name: 'Meegeven' })).toBeVisible();
	await expectAccessible(page);
	await fillCheckOut(page, {
		condition: 'Goed',
		parts: ['opvangbak', 'verlengkabel 20 m'],
		deposit: 'Geen waarborg gevraagd'
	});
	// A waived deposit needs a reason code: refused first, with the choice kept.
	await confirmCheckOut(page);
	await expect(page.getByLabel('Waarom geen waarborg?')).toHaveAccessibleDescription(
		/Kies waarom er geen waarborg gevraagd wordt\./
	);
	await page.getByLabel('Waarom geen waarborg?').selectOption({ label: 'Gekende lener' });
	await confirmCheckOut(page);
	// The desk reads what happened, where the focus is.
	const handedOut = page.getByRole('status').filter({ hasText: 'is meegegeven aan' });
	await expect(handedOut).toHaveText(
		/^Grasmaaier \(elektrisch\) \(.+\) is meegegeven aan .+, terug tegen \w+dag \d+ \w+ \d{4}\.$/
	);
	await expect(handedOut).toBeFocused();
	await expect(page.getByText('Vandaag komt niemand iets ophalen.')).toBeVisible();

	await page.getByRole('link', { name: 'Elektrische heggenschaar terugnemen' }).click();
	await expect(page.getByRole('heading', { name: 'Terugnemen' })).toBeVisible();
	await expectAccessible(page);
	await fillCheckIn(page, {
		condition: 'Versleten',
		parts: ['beschermkap'],
		damage: 'Het mes is bot en er zit een deuk in.',
		repair: 'Mes laten slijpen'
	});
	const damagePhoto = page.getByLabel('Foto van de schade (mag leeg)');
	// First a photo that was cut off on the way from the phone: refused beside the photo, the
	// rest kept, the tool not taken back, and no photo stored.
	const jpeg = await sharp({
		create: { width: 800, height: 600, channels: 3, background: '#963' }
	})
		.jpeg()
		.toBuffer();
	await damagePhoto.setInputFiles({
		name: 'schade.jpg',
		mimeType: 'image/jpeg',
		buffer: jpeg.subarray(0, jpeg.length / 2)
	});
	await confirmCheckIn(page);
	await expect(damagePhoto).toHaveAccessibleDescription(/We konden deze foto niet openen/);
	await expect(page.getByLabel('Schade (als er iets kapot is)')).toHaveValue(
		'Het mes is bot en er zit een deuk in.'
	);
	await expect(page.getByLabel('Wat moet er hersteld worden?')).toHaveValue('Mes laten slijpen');
	await expect(page.getByLabel('Naar herstelling')).toBeChecked();
	await expect(page.getByRole('heading', { name: 'Terugnemen' })).toBeVisible();

	await damagePhoto.setInputFiles({ name: 'schade.png', mimeType: 'image/png', buffer: PNG });
	await page.getByLabel('beschermkap').check();
	await confirmCheckIn(page);

	const tookBack = page.getByRole('status').filter({ hasText: 'is teruggenomen van' });
	await expect(tookBack).toHaveText(/^Elektrische heggenschaar \(.+\) is teruggenomen van .+\.$/);
	await expect(tookBack).toBeFocused();
	await expect(page.getByText('Stand: In herstelling')).toBeVisible();
	const damage = page.getByRole('region', { name: 'Schade' });
	await expect(damage.getByText(/Het mes is bot/)).toBeVisible();
	await expect(damage.getByRole('img')).toHaveCount(1);
	await expect(damage.getByRole('img')).toBeVisible();
	await expect(page.getByRole('cell', { name: 'verlengkabel 20 m' })).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Pagina in de catalogus' }).click();
	await expect(page.getByText('in herstelling', { exact: false }).first()).toBeVisible();

	// This month's figures count the trip to repair.
	expect(await repairsOfTrimmer()).toBe(repairsBefore + 1);
	await expectAccessible(page);
});

test('a photo added at the desk shows on the public tool page', async ({ asBroker: page }) => {
	await openToolPhotos(page, 'KBS-002', /Accuschroefmachine/);
	await expectAccessible(page);
	await page.getByLabel('Foto', { exact: true }).setInputFiles({
		name: 'schroef.png',
		mimeType: 'image/png',
		buffer: PNG
	});
	await page.getByLabel('Korte beschrijving van de foto').fill('Groene schroefmachine met lader');
	await page.getByRole('button', { name: 'Foto toevoegen' }).click();
	await expect(page.getByText('De foto is toegevoegd.')).toBeVisible();

	await page.getByRole('link', { name: /Terug naar/ }).click();
	await page.getByRole('link', { name: 'Pagina in de catalogus' }).click();
	const img = page.getByRole('img', { name: 'Groene schroefmachine met lader' });
	await expect(img).toBeVisible();
	// Visible comes before decoded on a busy machine: wait for the picture itself.
	await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
});

test('a resident is refused the desk and a borrower history', async ({ asResident: page }) => {
	const desk = await page.goto('/desk');
	expect(desk?.status()).toBe(403);
	const tool = await page.goto('/desk/tools/1');
	expect(tool?.status()).toBe(403);
	// An id of the right shape, so the refusal is the desk's and not the route matcher's 404.
	const borrower = await page.goto('/desk/borrowers/abcdefghijklmnopqrst');
	expect(borrower?.status()).toBe(403);
	const figures = await page.goto('/desk/figures');
	expect(figures?.status()).toBe(403);
});

test('the availability calendar stays readable at 360 px: no day’s words leave their cell', async ({
	page
}) => {
	await page.setViewportSize({ width: 360, height: 800 });
	await page.goto('/tools?q=Klopboormachine');
	await page.getByRole('link', { name: 'Klopboormachine' }).click();
	const month = page
		.getByRole('region', { name: 'Wanneer is het vrij?' })
		.getByRole('table')
		.first();
	await expect(month.getByRole('cell', { name: /gesloten|vrij|bezet/ }).first()).toBeVisible();
	// The text itself (not its block) must fit inside its cell, or it runs over the next day.
	const spill = await month.evaluate((table) =>
		[...table.querySelectorAll('td span')].flatMap((span) => {
			const cell = span.closest('td')!.getBoundingClientRect();
			const range = document.createRange();
			range.selectNodeContents(span);
			const text = range.getBoundingClientRect();
			return text.left < cell.left - 0.5 || text.right > cell.right + 0.5
				? [span.textContent ?? '']
				: [];
		})
	);
	expect(spill).toEqual([]);
});
