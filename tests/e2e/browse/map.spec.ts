import { expect, expectAccessible, test } from '../fixtures';

test.beforeEach(async ({ page }) => {
	await page.route(/tile\.openstreetmap\.org/, (route) => route.fulfill({ status: 204 }));
});

test('the map shows the filtered posts, works with keys and buttons, and keeps its filters in the URL', async ({
	asResident: page
}) => {
	await page.goto('/posts');
	await page.getByLabel('Soort').selectOption({ label: 'Hulpvragen' });
	await page.getByRole('button', { name: 'Toon' }).click();
	await page.getByRole('link', { name: 'Kaart' }).click();
	await expect(page).toHaveURL(/kind=request/);
	await expect(page).toHaveURL(/view=map/);

	const map = page.getByRole('region', { name: 'Kaart met hulpvragen en aanbod' });
	await expect(map).toBeVisible();
	const requests = map.getByRole('button', { name: /^Hulpvraag: / });
	await expect(requests.first()).toBeVisible();
	await expect(map.getByRole('button', { name: /^Aanbod: / })).toHaveCount(0);
	await expect(
		page.getByRole('status').filter({ hasText: 'markeringen op de kaart' })
	).toBeAttached();
	await expectAccessible(page);

	// The same view after a reload: the filters and the view live in the URL.
	await page.reload();
	await expect(map.getByRole('button', { name: /^Hulpvraag: / }).first()).toBeVisible();

	// All kinds: offers have their own shape and name.
	await page.getByLabel('Soort').selectOption({ label: 'Alles' });
	await page.getByRole('button', { name: 'Toon' }).click();
	await expect(page).toHaveURL(/view=map/);
	await expect(map.getByRole('button', { name: /^Aanbod: / }).first()).toBeVisible();

	// Keyboard: a marker takes focus, Enter opens its card, the card links to the post.
	const first = map.getByRole('button', { name: /^Hulpvraag: / }).first();
	const name = (await first.getAttribute('title'))!.replace(/^Hulpvraag: /, '');
	await first.focus();
	await page.keyboard.press('Enter');
	const card = page.locator('.leaflet-popup');
	await expect(card.getByRole('heading', { name })).toBeVisible();
	await card.getByRole('link', { name: 'Bekijk dit bericht' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	await page.goBack();

	// Buttons instead of dragging: pan, and zoom out until nearby posts are counted together.
	await page.getByRole('button', { name: '↑ Naar het noorden' }).click();
	await page.getByRole('button', { name: '↓ Naar het zuiden' }).click();
	for (let i = 0; i < 3; i++)
		await Promise.all([
			page.waitForResponse(/\/api\/markers/),
			page.getByRole('button', { name: 'Uitzoomen' }).click()
		]);
	await expect(map.getByRole('button', { name: /berichten hier/ }).first()).toBeVisible();
});

test('the marker endpoint answers only within its viewport and never with exact places', async ({
	asResident: page
}) => {
	const bad = await page.request.get('/api/markers?bbox=4.5,51,4.4&zoom=16');
	expect(bad.status()).toBe(400);
	expect((await bad.json()).error).toContain('bbox');

	const wide = '4.45,51.01,4.52,51.06';
	const all = await page.request.get(`/api/markers?bbox=${wide}&zoom=18`);
	const markers = (await all.json()).markers as { lat: number; lon: number; title: string }[];
	expect(markers.length).toBeGreaterThan(3);
	for (const mk of markers) {
		expect(mk.lat).toBeGreaterThanOrEqual(51.01);
		expect(mk.lon).toBeLessThanOrEqual(4.52);
	}
	expect(JSON.stringify(markers)).not.toMatch(/exact|house|street/i);

	// A viewport around one marker returns that marker, and not the others.
	const one = markers[0]!;
	const d = 0.0001;
	const small = await page.request.get(
		`/api/markers?bbox=${one.lon - d},${one.lat - d},${one.lon + d},${one.lat + d}&zoom=18`
	);
	const inSmall = (await small.json()).markers as { title: string }[];
	expect(inSmall.map((x) => x.title)).toContain(one.title);
	expect(inSmall.length).toBeLessThan(markers.length);

	const nowhere = await page.request.get('/api/markers?bbox=0,0,1,1&zoom=10');
	expect((await nowhere.json()).markers).toEqual([]);
});

test('the marker endpoint is for signed-in residents', async ({ request }) => {
	expect((await request.get('/api/markers?bbox=4.45,51.01,4.52,51.06&zoom=16')).status()).toBe(401);
});
