import type { Page, TestInfo } from '@playwright/test';
import { expect, expectAccessible, test } from '../fixtures';
import { say } from './words';

// Issue 19: a resident switches to Arabic, posts a request and reads the confirmation; the page
// reads right to left, fits a phone and 200 % zoom, and passes axe. Screenshots of the resident's
// main pages in Arabic at 360 px are kept for people to look at.

/** The widths of a 360 px phone and of a 1280 px laptop at 200 % zoom. */
const WIDTHS = [360, 640] as const;

async function expectNoSidewaysScrolling(page: Page, what: string): Promise<void> {
	for (const width of WIDTHS) {
		await page.setViewportSize({ width, height: 800 });
		const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
		expect(scrollWidth, `${what} at ${width} px`).toBeLessThanOrEqual(width);
	}
}

async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
	await page.setViewportSize({ width: 360, height: 800 });
	const path = testInfo.outputPath(`ar-360-${name}.png`);
	await page.screenshot({ path, fullPage: true });
	await testInfo.attach(`ar-360-${name}`, { path, contentType: 'image/png' });
}

test('a resident switches to Arabic, posts a request and reads the confirmation right to left', async ({
	asResident: page
}, testInfo) => {
	test.setTimeout(120_000);
	const title = `طلب ${Date.now().toString(36)}`;
	await page.goto('/');
	try {
		await page
			.getByRole('navigation', { name: say('nl', 'language_label') })
			.getByRole('link', { name: 'العربية' })
			.click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await keepScreenshot(page, testInfo, 'home');

		await page.goto('/posts/new');
		await page.getByRole('radio', { name: new RegExp(say('ar', 'post_kind_request')) }).check();
		await page.getByRole('radio', { name: 'أعمال صغيرة في البيت' }).check();
		await page.getByLabel(say('ar', 'post_field_title')).fill(title);
		await page
			.getByLabel(say('ar', 'post_field_body'))
			.fill('المصباح في المطبخ معطّل. عندي مصباح جديد.');
		await keepScreenshot(page, testInfo, 'post-form');
		await page.getByRole('button', { name: say('ar', 'post_send') }).click();

		await expect(
			page.getByRole('heading', { level: 1, name: say('ar', 'post_sent_title_request') })
		).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
		await expectNoSidewaysScrolling(page, 'the confirmation');
		await expectAccessible(page);

		await page.goto('/posts');
		await expect(page.getByRole('link', { name: title })).toBeVisible();
		await expectNoSidewaysScrolling(page, 'the list');
		await keepScreenshot(page, testInfo, 'list');
	} finally {
		// Maria's account reads Dutch in the other tests.
		await page.goto('/language?locale=nl&redirectTo=/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	}
});
