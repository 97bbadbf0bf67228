import { expect, type Locator, type Page } from '@playwright/test';

/** The posts map as a person finds it: signed in, the map view of the list. */
export async function openPostsMap(page: Page): Promise<Locator> {
	await page.goto('/posts?view=map');
	const map = page.getByRole('region', { name: 'Kaart met hulpvragen en aanbod' });
	await expect(postMarkers(map).first()).toBeVisible();
	return map;
}

/** A single post's marker: its name says whether it is a request or an offer. */
export function postMarkers(map: Locator): Locator {
	return map.getByRole('button', { name: /^(Hulpvraag|Aanbod): / });
}

/** What has focus now, as a locator. */
export function focused(page: Page): Locator {
	return page.locator(':focus');
}

/**
 * Watches the open card for `ms` milliseconds and says whether it was still there at the end.
 * It answers "closed" as soon as the card goes, so a card that closes by itself fails quickly.
 */
export async function cardStaysOpenFor(page: Page, ms: number): Promise<'open' | 'closed'> {
	return page.evaluate(
		(ms) =>
			new Promise<'open' | 'closed'>((resolve) => {
				const pane = document.querySelector('.leaflet-popup-pane');
				const open = () => !!pane?.querySelector('.leaflet-popup');
				if (!pane || !open()) return resolve('closed');
				const watch = new MutationObserver(() => {
					if (open()) return;
					watch.disconnect();
					resolve('closed');
				});
				watch.observe(pane, { childList: true, subtree: true });
				setTimeout(() => {
					watch.disconnect();
					resolve(open() ? 'open' : 'closed');
				}, ms);
			}),
		ms
	);
}

/**
 * Presses Tab until a post marker has focus (at most `max` times) whose card will have to move
 * the map when `atEdge` is given: near the top, left or right edge of the map.
 */
export async function tabToPostMarker(
	page: Page,
	o: { atEdge?: boolean; max?: number } = {}
): Promise<string> {
	for (let i = 0; i < (o.max ?? 40); i++) {
		await page.keyboard.press('Tab');
		// Read from the page: when focus is lost to the page itself, nothing matches `:focus`.
		const now = await page.evaluate(() => {
			const a = document.activeElement;
			const r = a?.getBoundingClientRect();
			const m = a?.closest('.leaflet-container')?.getBoundingClientRect();
			return {
				onMap: !!a?.closest('.leaflet-container'),
				name: a?.getAttribute('title') ?? '',
				top: r && m ? r.top - m.top : 0,
				left: r && m ? r.left - m.left : 0,
				right: r && m ? m.right - r.right : 0
			};
		});
		expect(now.onMap, 'Tab keeps focus on the map until a post marker').toBe(true);
		if (!/^(Hulpvraag|Aanbod): /.test(now.name)) continue;
		if (!o.atEdge) return now.name;
		if (now.top < 120 || now.left < 80 || now.right < 80) return now.name;
	}
	throw new Error('no post marker reached by Tab');
}
