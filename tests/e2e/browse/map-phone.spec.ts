import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from '../fixtures';
import {
	cardStaysOpenFor,
	focused,
	openPostsMap,
	postMarkers,
	tabToPostMarker
} from '../pages/map';

// A small phone: the map is narrower than a card, so most cards move the map to fit.
test.use({ viewport: { width: 360, height: 740 } });

test.beforeEach(async ({ asResident: page }) => {
	await page.route(/tile\.openstreetmap\.org/, (route) => route.fulfill({ status: 204 }));
});

/** Where a box is on the screen, rounded to whole pixels. */
const where = (b: { x: number; y: number } | null) =>
	b ? `${Math.round(b.x)},${Math.round(b.y)}` : '';

/** Counts the map's requests for markers from now on. */
function countMarkerLoads(page: Page): () => number {
	let loads = 0;
	page.on('request', (r) => {
		if (r.url().includes('/api/markers')) loads++;
	});
	return () => loads;
}

// 400 % zoom of a 1280 × 720 window leaves 320 × 180 CSS pixels.
for (const [size, viewport] of [
	['360 px', { width: 360, height: 740 }],
	['400 % zoom', { width: 320, height: 180 }]
] as const) {
	test.describe(size, () => {
		test.use({ viewport });
		test(`at ${size} Tab reaches the zoom buttons, then the markers, and Enter opens a card that stays`, async ({
			page
		}) => {
			const map = await openPostsMap(page);
			const loads = countMarkerLoads(page);

			await page.getByRole('button', { name: '→ Naar het oosten' }).focus();
			await page.keyboard.press('Tab');
			await expect(map).toBeFocused();
			await page.keyboard.press('Tab');
			await expect(map.getByRole('button', { name: 'Inzoomen' })).toBeFocused();
			await page.keyboard.press('Tab');
			await expect(map.getByRole('button', { name: 'Uitzoomen' })).toBeFocused();

			// Every marker in turn keeps focus: the map moves to show it, and keeps what it shows.
			const name = await tabToPostMarker(page);
			await expect(focused(page)).toHaveAttribute('title', name);
			const title = name.replace(/^(Hulpvraag|Aanbod): /, '');

			await page.keyboard.press('Enter');
			const card = page.locator('.leaflet-popup');
			await expect(card.getByRole('heading', { name: title })).toBeVisible();
			expect(await cardStaysOpenFor(page, 5000)).toBe('open');
			await expect(card.getByRole('heading', { name: title })).toBeVisible();
			expect(loads(), 'moving the map to show a marker or its card reloads nothing').toBe(0);
			await expectAccessible(page);

			// The card's link is the next stop, and leads to the post.
			await page.keyboard.press('Tab');
			const link = card.getByRole('link', { name: 'Bekijk dit bericht' });
			await expect(link).toBeFocused();
			await page.keyboard.press('Enter');
			await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		});
	});
}

test('at 360 px the card of a marker at the edge moves the map into view and stays open', async ({
	page
}) => {
	const map = await openPostsMap(page);
	await map.focus();
	const name = await tabToPostMarker(page, { atEdge: true });
	const marker = map.getByRole('button', { name, exact: true });
	const before = (await marker.boundingBox())!;

	await page.keyboard.press('Enter');
	const card = page.locator('.leaflet-popup');
	const title = name.replace(/^(Hulpvraag|Aanbod): /, '');
	await expect(card.getByRole('heading', { name: title })).toBeVisible();
	// The map moved to show the whole card: the marker is somewhere else on the screen now.
	await expect.poll(async () => where(await marker.boundingBox())).not.toBe(where(before));
	expect(await cardStaysOpenFor(page, 5000)).toBe('open');

	await page.keyboard.press('Tab');
	await expect(card.getByRole('link', { name: 'Bekijk dit bericht' })).toBeFocused();
	// Escape closes the card and gives focus back to its marker.
	await page.keyboard.press('Escape');
	await expect(card).toHaveCount(0);
	await expect(marker).toBeFocused();
});

test.describe('on a touch screen', () => {
	test.use({ hasTouch: true, isMobile: true });

	test('a tap on a marker right after moving the map opens a card that stays while markers load', async ({
		page
	}) => {
		const map = await openPostsMap(page);
		// The markers for the moved map are held back until the card is open, as on a slow phone.
		let hold = true;
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route(/\/api\/markers/, async (route) => {
			if (hold) await held;
			await route.continue().catch(() => {});
		});
		await Promise.all([
			page.waitForRequest(/\/api\/markers/),
			page.getByRole('button', { name: '→ Naar het oosten' }).tap()
		]);

		// The marker nearest to the map's left or right edge (or cut by it) whose middle is on it.
		const box = (await map.boundingBox())!;
		let edge: { name: string; gap: number } | undefined;
		for (const m of await postMarkers(map).all()) {
			const at = await m.boundingBox();
			if (!at || at.y < box.y || at.y + at.height > box.y + box.height) continue;
			const middle = at.x + at.width / 2;
			if (middle < box.x || middle > box.x + box.width) continue;
			const gap = Math.min(at.x - box.x, box.x + box.width - at.x - at.width);
			if (!edge || gap < edge.gap) edge = { name: (await m.getAttribute('title'))!, gap };
		}
		expect(edge, 'a post marker on the map').toBeDefined();
		const marker = map.getByRole('button', { name: edge!.name, exact: true });
		const before = (await marker.boundingBox())!;

		await marker.tap();
		const card = page.locator('.leaflet-popup');
		const title = edge!.name.replace(/^(Hulpvraag|Aanbod): /, '');
		await expect(card.getByRole('heading', { name: title })).toBeVisible();
		// The map moved to show the whole card.
		await expect.poll(async () => where(await marker.boundingBox())).not.toBe(where(before));

		hold = false;
		await Promise.all([page.waitForResponse(/\/api\/markers/), release()]);
		expect(await cardStaysOpenFor(page, 5000)).toBe('open');
		await card.getByRole('link', { name: 'Bekijk dit bericht' }).tap();
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	});
});
