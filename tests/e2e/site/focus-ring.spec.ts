import type { Locator } from '@playwright/test';
import { expect, test } from '../fixtures';

/**
 * The contrast ratio (WCAG) between the focused element's outline and the background it is drawn
 * on: the nearest ancestor's opaque background, as the outline sits outside the element. Colours
 * are read through a canvas, so any CSS colour (oklch included) becomes sRGB.
 */
async function focusRing(target: Locator) {
	return target.evaluate((el) => {
		const rgb = (colour: string) => {
			const ctx = document.createElement('canvas').getContext('2d')!;
			ctx.fillStyle = colour;
			ctx.fillRect(0, 0, 1, 1);
			return Array.from(ctx.getImageData(0, 0, 1, 1).data);
		};
		const luminance = ([r, g, b]: number[]) => {
			const lin = (c: number) => {
				const s = c / 255;
				return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
			};
			return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
		};
		let behind = el.parentElement;
		while (behind && rgb(getComputedStyle(behind).backgroundColor)[3] === 0)
			behind = behind.parentElement;
		const style = getComputedStyle(el);
		const ring = luminance(rgb(style.outlineColor));
		const page = luminance(rgb(getComputedStyle(behind ?? document.body).backgroundColor));
		return {
			visible: el.matches(':focus-visible') && style.outlineStyle !== 'none',
			width: parseFloat(style.outlineWidth),
			contrast: (Math.max(ring, page) + 0.05) / (Math.min(ring, page) + 0.05)
		};
	});
}

test('the keyboard focus ring stands out at least 3:1 from the page around it', async ({
	page
}) => {
	await page.goto('/sign-in');
	const targets = [
		page.getByRole('link', { name: 'Naburig' }).first(), // in the white header
		page.getByLabel('E-mailadres'), // a field on the page's own background
		page.getByRole('button', { name: 'Aanmelden' }), // a blue button
		page.getByRole('link', { name: 'Wachtwoord vergeten?' }),
		page.getByRole('link', { name: 'Open het demo-postvak' }) // in the pale yellow demo banner
	];
	for (const target of targets) {
		await page.keyboard.press('Tab'); // keyboard use: focus shows as it does for a keyboard user
		await target.focus();
		const ring = await focusRing(target);
		expect(ring.visible, String(target)).toBe(true);
		expect(ring.width, String(target)).toBeGreaterThanOrEqual(2);
		expect(ring.contrast, String(target)).toBeGreaterThanOrEqual(3);
	}
});
