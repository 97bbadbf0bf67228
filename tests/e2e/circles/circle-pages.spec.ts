import { expect, expectAccessible, test } from '../fixtures';

/** The demo's circle around Gilbert, which Maria keeps going (demo/circles.ts), as she opens it. */
async function gilbertsCircle(page: import('@playwright/test').Page): Promise<string> {
	await page.goto('/circles');
	await page.getByRole('link', { name: 'Kring rond Gilbert Hendrickx' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Kring rond Gilbert' })).toBeVisible();
	return new URL(page.url()).pathname;
}

for (const [label, width] of [
	['a 360 px wide phone', 360],
	['200% zoom on a laptop', 640]
] as const) {
	test(`the circle’s pages fit ${label} without sideways scrolling`, async ({
		asResident: page
	}) => {
		await page.setViewportSize({ width, height: 800 });
		const circle = await gilbertsCircle(page);
		for (const path of [
			'/circles',
			circle,
			`${circle}/plan`,
			`${circle}/members`,
			`${circle}/settings`,
			`${circle}/check-ins`,
			'/circles/join',
			'/check-ins'
		]) {
			await page.goto(path);
			const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
			expect(scrollWidth, path).toBeLessThanOrEqual(width);
		}
	});
}

test('the plan shows at a glance who does what, and the coordinator reads (not changes) the consents', async ({
	asResident: page
}) => {
	const circle = await gilbertsCircle(page);
	// Jozef took the first shopping; the rest of the two weeks is open.
	const first = page.locator('[data-slot]').filter({ hasText: 'Boodschappen' }).first();
	await expect(first).toContainText('Jozef');
	await expect(
		page.getByRole('status').filter({ hasText: /Nog \d+ momenten zonder iemand/ })
	).toBeVisible();
	await expect(
		page.getByText('Gilbert vraagt of iemand zondag soep kan meebrengen.')
	).toBeVisible();
	await page.goto(`${circle}/settings`);
	await expect(
		page.getByText('Alleen de persoon zelf of wie voor hen zorgt kan dit veranderen.')
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Opslaan' })).toBeDisabled();
	await expectAccessible(page);
	await page.goto(`${circle}/members`);
	await expect(
		page.getByRole('main').getByRole('listitem').filter({ hasText: 'Maria Janssens' })
	).toContainText('houdt het plan bij');
	await expectAccessible(page);
});

test('a caller sees the calls of the week to make, with the number to call', async ({
	asHelper: page
}) => {
	await page.goto('/check-ins');
	const call = page
		.locator('[data-call]')
		.filter({ hasText: 'Bellen naar Gilbert Hendrickx' })
		.first();
	await expect(call).toBeVisible();
	await expectAccessible(page);
});
