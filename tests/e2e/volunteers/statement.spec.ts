import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expect, expectAccessible, test } from '../fixtures';
import { shift, spokenDate, today } from '../dates';

/** Everyone the demo's history and neighbourhood let Jozef help: the statement names none. */
const HELPED = [
	'Maria Janssens',
	'Fatima El Amrani',
	'Mehmet Yılmaz',
	'Thomas De Smet',
	'Annie Claes'
];

/** The demo's discretion training was 60 days before the demo was made (today). */
const trainingDay = () => shift(today(), -60);

test('the helper Jozef reads, prints and downloads his volunteering statement, without anyone he helped', async ({
	asHelper: page
}) => {
	await page.goto('/volunteering');
	await page.getByRole('link', { name: 'Attest bekijken' }).click();
	const statement = page.getByRole('article', { name: 'Attest vrijwilligerswerk' });
	await expect(statement).toBeVisible();
	await expect(statement.getByRole('definition').first()).toHaveText('Jozef Peeters');
	await expect(statement.getByRole('region', { name: 'Uren' })).toContainText(
		/In totaal: \d+(,\d)? uur/
	);
	await expect(statement.getByRole('region', { name: 'Opleidingen' })).toContainText(
		`Discretie en beroepsgeheim, op ${spokenDate(trainingDay(), { withWeekday: false })}`
	);
	await expect(statement.getByRole('region', { name: 'Wanneer' })).toContainText(/keer geholpen/);
	for (const name of HELPED) await expect(statement).not.toContainText(name);
	await expectAccessible(page);

	// On paper only the statement shows: no site header, links or buttons.
	await page.emulateMedia({ media: 'print' });
	await expect(statement).toBeVisible();
	await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeHidden();
	await expect(page.getByRole('banner')).toBeHidden();
	await page.emulateMedia({ media: 'screen' });

	// "Print" opens the browser's print dialog (stubbed here: the dialog cannot be read).
	await page.evaluate(() => {
		window.print = () => document.body.setAttribute('data-printed', 'yes');
	});
	await page.getByRole('button', { name: 'Afdrukken' }).click();
	await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Downloaden als bestand' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^naburig-statement-\d{4}-\d{2}-\d{2}\.html$/);
	const html = readFileSync(await file.path(), 'utf8');
	expect(html).toContain('Jozef Peeters');
	expect(html).toContain('Discretie en beroepsgeheim');
	expect(html).not.toMatch(/<script/i);
	for (const name of HELPED) expect(html).not.toContain(name);
});

test('a broker reads the volunteers part of the reports, small numbers hidden', async ({
	asBroker: page
}) => {
	// The month of the demo's training: one gathering, attended by Jozef alone.
	const [year, month] = trainingDay().split('-').map(Number) as [number, number];
	await page.goto(`/broker/reports?period=month&year=${year}&month=${month}`);
	const perMonth = page.getByRole('region', { name: 'Vrijwilligers per maand' });
	await expect(perMonth.getByRole('columnheader')).toHaveText([
		'Maand',
		'Uren geholpen',
		'Helpers met uren',
		'Onkosten terugbetaald (euro)',
		'Bijeenkomsten',
		'Aanwezigen'
	]);
	// The demo's four helpers are fewer than five: their count shows as "< 5" and their hours
	// are hidden; the training was held once, and who came is too few to show.
	await expect(perMonth.getByRole('row').nth(1).getByRole('cell')).toHaveText([
		'×',
		'< 5',
		'0',
		'1',
		'< 5'
	]);
	await expect(perMonth).toContainText('minstens 5 helpers');
	const kinds = page.getByRole('region', { name: 'Bijeenkomsten per soort' });
	await expect(kinds.getByRole('row', { name: /Opleiding/ }).getByRole('cell')).toHaveText([
		'1',
		'< 5'
	]);
	await expectAccessible(page);

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download als CSV: Vrijwilligers per maand' }).click();
	const file = await (await download).path();
	const rows = Papa.parse<string[]>(readFileSync(file, 'utf8').replace(/^\ufeff/, '')).data;
	expect(rows[0]).toEqual([
		'Maand',
		'Uren geholpen',
		'Helpers met uren',
		'Onkosten terugbetaald (euro)',
		'Bijeenkomsten',
		'Aanwezigen'
	]);
	expect(rows[1]!.slice(1)).toEqual(['×', '< 5', '0', '1', '< 5']);
});
