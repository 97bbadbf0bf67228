import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { historyMonth } from '../../../src/lib/server/demo/history-pattern';
import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test } from '../fixtures';
import { signIn } from '../pages/auth';

/** Year and month (1–12) of `monthsAgo` months before today in Brussels. */
function monthBefore(monthsAgo: number): { year: number; month: number } {
	const [y, mo] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' })
		.format(Date.now())
		.split('-')
		.map(Number) as [number, number];
	const index = y * 12 + (mo - 1) - monthsAgo;
	return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

test('a broker reads the figures of a period and downloads them as CSV', async ({ page }) => {
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto('/broker');
	await page.getByRole('link', { name: 'Cijfers voor de stuurgroep' }).click();
	await expect(page.getByRole('heading', { name: 'Cijfers voor de stuurgroep' })).toBeVisible();
	await expect(page.getByRole('img', { name: /Staafdiagram/ })).toBeVisible();
	await expectAccessible(page);

	// Three months ago, as the demo's history made it.
	const { year, month } = monthBefore(3);
	await page.getByLabel('Periode').selectOption({ label: 'Maand' });
	await page.getByLabel('Jaar').fill(String(year));
	await page.getByLabel('Maand', { exact: true }).selectOption(String(month));
	await page.getByRole('button', { name: 'Toon cijfers' }).click();
	const first = `${year}-${String(month).padStart(2, '0')}-01`;
	await expect(page.getByRole('heading', { level: 2, name: new RegExp(first) })).toBeVisible();
	await expect(page).toHaveURL(/period=month/);

	const plan = historyMonth(3);
	const matching = page.getByRole('region', { name: 'Afspraken en snelheid' });
	await expect(
		matching.getByRole('row', { name: /Hulpvragen in de periode/ }).getByRole('cell')
	).toHaveText(String(plan.requests));

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download als CSV: Per maand' }).click();
	const file = await (await download).path();
	const rows = Papa.parse<string[]>(readFileSync(file, 'utf8').replace(/^\ufeff/, '')).data;
	expect(rows[0]).toEqual(['Maand', 'Hulpvragen', 'Aanbod', 'Nieuwe bewoners']);
	expect(rows[1]![1]).toBe(String(plan.requests));
	expect(rows[1]![2]).toBe(plan.offers < 5 ? '< 5' : String(plan.offers));
});

test('a custom period with the days the wrong way round is explained beside the field', async ({
	page
}) => {
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto('/broker/reports?period=custom&from=2026-05-10&to=2026-05-01');
	await expect(page.getByLabel('Tot en met (dag)')).toHaveAccessibleDescription(
		/De laatste dag moet na de eerste dag komen\./
	);
	await expect(page.getByLabel('Tot en met (dag)')).toHaveValue('2026-05-01');
});

test('residents cannot open the reports, nor brokers another neighbourhood', async ({ page }) => {
	await signIn(page, DEMO.resident, DEMO_PASSWORD);
	expect((await page.goto('/broker/reports'))?.status()).toBe(403);
	expect((await page.request.get('/broker/reports/activity')).status()).toBe(403);
});
