import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { historyLoans, historyMonth } from '../../../src/lib/server/demo/history-pattern';
import { expect, expectAccessible, test } from '../fixtures';
import { lastDayOfMonth, spokenDate, today } from '../dates';
import { dateGroup, expectDate, fillDate } from '../pages/forms';

/** Year and month (1–12) of `monthsAgo` months before today in Brussels. */
function monthBefore(monthsAgo: number): { year: number; month: number } {
	const [y, mo] = today().split('-').map(Number) as [number, number];
	const index = y * 12 + (mo - 1) - monthsAgo;
	return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

test('a broker reads the figures of a period and downloads them as CSV', async ({
	asBroker: page
}) => {
	await page.goto('/broker');
	await page.getByRole('link', { name: 'Cijfers voor de stuurgroep' }).click();
	await expect(page.getByRole('heading', { name: 'Cijfers voor de stuurgroep' })).toBeVisible();
	await expect(page.getByRole('img', { name: /Staafdiagram: per maand/ })).toBeVisible();
	await expectAccessible(page);

	// Three months ago, as the demo's history made it.
	const { year, month } = monthBefore(3);
	await page.getByLabel('Periode').selectOption({ label: 'Maand' });
	// The period's own year and month, not the boxes of the custom dates further down.
	await page.getByRole('textbox', { name: 'Jaar', exact: true }).first().fill(String(year));
	await page.getByRole('combobox', { name: 'Maand', exact: true }).selectOption(String(month));
	await page.getByRole('button', { name: 'Toon cijfers' }).click();
	const first = `${year}-${String(month).padStart(2, '0')}-01`;
	await expect(
		page.getByRole('heading', {
			level: 2,
			name: new RegExp(`${spokenDate(first, { withWeekday: false })} tot en met`)
		})
	).toBeVisible();
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

/** "YYYY-MM-DD" of the first day of that month, and of the last day of another. */
const firstDay = ({ year, month }: { year: number; month: number }) =>
	`${year}-${String(month).padStart(2, '0')}-01`;
const lastDay = ({ year, month }: { year: number; month: number }) => lastDayOfMonth(year, month);

test('a broker reads the lending figures of the past months and downloads them as CSV', async ({
	asBroker: page
}) => {
	// Eleven months ago up to two months ago: the demo's loan history, before today's loans.
	const from = firstDay(monthBefore(11));
	const to = lastDay(monthBefore(2));
	await page.goto('/broker/reports');
	await page.getByLabel('Periode').selectOption({ label: 'Zelf kiezen' });
	// Day, month and year in their own boxes, in the order people write a date here.
	const boxes = dateGroup(page, 'Van (dag)').getByRole('textbox');
	await expect(boxes).toHaveCount(3);
	for (const [i, name] of ['Dag', 'Maand', 'Jaar'].entries())
		await expect(boxes.nth(i)).toHaveAccessibleName(name);
	await fillDate(page, 'Van (dag)', from);
	await fillDate(page, 'Tot en met (dag)', to);
	await page.getByRole('button', { name: 'Toon cijfers' }).click();
	await expect(
		page.getByRole('heading', {
			level: 2,
			name: new RegExp(
				`${spokenDate(from, { withWeekday: false })} tot en met ${spokenDate(to, { withWeekday: false })}`
			)
		})
	).toBeVisible();

	const months = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(historyLoans);
	const sum = (k: 'loans' | 'late' | 'repairs') => months.reduce((s, mo) => s + mo[k], 0);
	const lateShare = `${Math.round((sum('late') / sum('loans')) * 100)}%`;
	const funds = page.getByRole('region', { name: 'Uitlenen per financiering' });
	const grant = funds.getByRole('row', { name: /KBS-subsidie 2024/ });
	const cells = grant.getByRole('cell');
	// Loans, days, use, borrowers, share returned late, times in repair.
	await expect(cells.nth(1)).toHaveText(String(sum('loans')));
	await expect(cells.nth(5)).toHaveText(lateShare);
	await expect(cells.nth(6)).toHaveText(String(sum('repairs')));
	const tools = page.getByRole('region', { name: 'Uitlenen per toestel' });
	await expect(tools.getByRole('columnheader', { name: 'Deel te laat terug' })).toBeVisible();
	await expect(tools.getByRole('columnheader', { name: 'Keren in herstelling' })).toBeVisible();
	await expect(
		tools.getByRole('img', { name: /Staafdiagram: hoe vaak elk toestel/ })
	).toBeVisible();
	await expectAccessible(page);

	const download = page.waitForEvent('download');
	await funds.getByRole('link', { name: 'Download als CSV: Uitlenen per financiering' }).click();
	const file = await download;
	// Named by the first and the last day shown.
	expect(file.suggestedFilename()).toBe(`naburig-lending-funds-${from}-${to}.csv`);
	const rows = Papa.parse<string[]>(
		readFileSync(await file.path(), 'utf8').replace(/^\ufeff/, '')
	).data;
	expect(rows[0]).toEqual([
		'Financiering',
		'Financier',
		'Uitleningen',
		'Dagen uitgeleend',
		'Gebruik',
		'Verschillende leners',
		'Deel te laat terug',
		'Keren in herstelling'
	]);
	const row = rows.find((r) => r[0] === 'KBS-subsidie 2024')!;
	expect([row[1], row[2], row[6], row[7]]).toEqual([
		'Koning Boudewijnstichting',
		String(sum('loans')),
		lateShare,
		String(sum('repairs'))
	]);
});

test('a custom period with the days the wrong way round is explained beside the field', async ({
	asBroker: page
}) => {
	await page.goto('/broker/reports?period=custom&from=2026-05-10&to=2026-05-01');
	await expect(dateGroup(page, 'Tot en met (dag)')).toHaveAccessibleDescription(
		/De laatste dag moet na de eerste dag komen\./
	);
	await expectDate(page, 'Tot en met (dag)', '2026-05-01');
});

test('residents cannot open the reports, nor brokers another neighbourhood', async ({
	asResident: page
}) => {
	expect((await page.goto('/broker/reports'))?.status()).toBe(403);
	expect((await page.request.get('/broker/reports/activity')).status()).toBe(403);
});

test('the lending table per tool fits a 1280 px screen, and scrolls in its own box on a phone', async ({
	asBroker: page
}) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	// This year: the demo's loan history.
	await page.goto('/broker/reports?period=year');
	const tools = page.getByRole('region', { name: 'Uitlenen per toestel' });
	const box = tools.getByRole('group', { name: 'Uitlenen per toestel' });
	await expect(box.getByRole('columnheader', { name: 'Keren in herstelling' })).toBeVisible();
	const widths = () =>
		box.evaluate((el) => ({
			box: el.clientWidth,
			table: el.scrollWidth,
			page: document.scrollingElement!.scrollWidth
		}));
	const wide = await widths();
	expect(wide.table, 'the table is no wider than its box').toBeLessThanOrEqual(wide.box);

	await page.setViewportSize({ width: 360, height: 800 });
	const narrow = await widths();
	expect(narrow.page, 'the page itself does not scroll sideways').toBeLessThanOrEqual(360);
	expect(narrow.table, 'the table scrolls inside its box').toBeGreaterThan(narrow.box);
	await box.focus();
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});
