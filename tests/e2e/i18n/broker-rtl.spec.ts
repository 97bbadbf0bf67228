import type { Page, TestInfo } from '@playwright/test';
import { expect, expectAccessible, test } from '../fixtures';
import { fillIntake } from '../pages/broker';
import { fillPost } from '../pages/posts';

/** The broker's pages in Arabic: right to left, readable on a 360 px phone, accessible. */

const PHONE = { width: 360, height: 800 };

/** The page runs right to left, in Arabic, and nothing sticks out sideways at its width. */
async function expectRightToLeft(page: Page): Promise<void> {
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	const { scrolls, width } = await page.evaluate(() => ({
		scrolls: document.scrollingElement!.scrollWidth,
		width: document.scrollingElement!.clientWidth
	}));
	expect(scrolls, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(width);
}

/** A full-page screenshot kept with the test's results, to be looked at. */
async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
	const path = testInfo.outputPath(`${name}.png`);
	await page.screenshot({ path, fullPage: true });
	await testInfo.attach(name, { path, contentType: 'image/png' });
}

test.describe('a broker who reads Arabic', () => {
	// The language is kept on the account (mail follows it): give An her Dutch back.
	test.afterEach(async ({ page }) => {
		await page.goto('/language?locale=nl&redirectTo=/');
	});

	test('works right to left on Today, a resident, the reports and the desk calendar', async ({
		asBroker: page
	}, testInfo) => {
		test.setTimeout(180_000);
		await page.setViewportSize(PHONE);
		await page.goto('/language?locale=ar&redirectTo=/broker/today');
		await expect(page).toHaveURL(/\/broker\/today$/);
		await expectRightToLeft(page);
		await expectAccessible(page);
		await keepScreenshot(page, testInfo, 'today-ar-360');

		// A resident's page, reached from the person search.
		await page.goto('/broker/residents?q=Maria');
		await expectRightToLeft(page);
		await page
			.getByRole('link', { name: /^Maria/ })
			.first()
			.click();
		await expect(page).toHaveURL(/\/broker\/residents\/[^/]+$/);
		await expectRightToLeft(page);
		await expectAccessible(page);

		await page.goto('/broker/reports');
		await expectRightToLeft(page);
		await expectAccessible(page);
		// Time runs from the right: the first month's bar stands right of the second month's.
		const months = page.getByRole('figure').first().getByRole('img');
		const bars = months.locator('rect');
		const first = (await bars.nth(0).boundingBox())!;
		const second = (await bars.nth(2).boundingBox())!;
		expect(first.x).toBeGreaterThan(second.x);
		await keepScreenshot(page, testInfo, 'reports-ar-360');

		await page.goto('/desk/calendar');
		await expectRightToLeft(page);
		await expectAccessible(page);

		// And on a desktop screen.
		await page.setViewportSize({ width: 1280, height: 900 });
		for (const path of ['/broker/today', '/broker/reports', '/desk/calendar']) {
			await page.goto(path);
			await expectRightToLeft(page);
		}
	});

	test('reads every list of the broker and the desk right to left on a phone', async ({
		asBroker: page
	}) => {
		test.setTimeout(180_000);
		await page.setViewportSize(PHONE);
		await page.goto('/language?locale=ar&redirectTo=/broker');
		for (const path of [
			'/broker',
			'/broker/moderation',
			'/broker/requests',
			'/broker/signals',
			'/broker/letters',
			'/broker/audit',
			'/desk',
			'/desk/book',
			'/desk/staff',
			'/desk/agreement',
			'/desk/figures',
			'/desk/tools/1'
		]) {
			await page.goto(path);
			await expectRightToLeft(page);
			await expectAccessible(page);
		}
	});
});

test('an admin who reads Arabic works right to left', async ({ asAdmin: page }) => {
	await page.setViewportSize(PHONE);
	await page.goto('/language?locale=ar&redirectTo=/admin');
	try {
		await expect(page).toHaveURL(/\/admin$/);
		await expectRightToLeft(page);
		await expectAccessible(page);
		await page.goto('/admin/neighbourhoods/1');
		await expectRightToLeft(page);
		await expectAccessible(page);
	} finally {
		await page.goto('/language?locale=nl&redirectTo=/');
	}
});

/** Arabic letters from the digits of now: a name no earlier test used. */
function arabicUnique(): string {
	return Date.now()
		.toString()
		.slice(-6)
		.replace(/\d/g, (d) => 'ابتثجحخدذر'[Number(d)]!);
}

test('a Dutch broker page keeps an Arabic name and an Arabic title apart from its sentences', async ({
	asBroker: page
}) => {
	test.setTimeout(120_000);
	const name = `سعاد ${arabicUnique()}`;
	const title = `مساعدة في رسالة من البنك ${arabicUnique()}`;
	await page.goto('/broker/intake');
	await fillIntake(page, {
		name,
		phone: '03 321 54 77',
		street: 'Kazernestraat',
		house: '12',
		languages: ['Arabisch']
	});
	await page.getByRole('button', { name: 'Inschrijven' }).click();
	await page.getByRole('link', { name: `Vraag of aanbod plaatsen voor ${name}` }).click();
	await fillPost(page, {
		kind: 'Ik zoek hulp',
		category: 'Papieren en formulieren',
		title,
		body: 'أحتاج إلى مساعدة في قراءة رسالة من البنك.'
	});
	await page.getByRole('button', { name: 'Versturen' }).click();
	await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();

	// The person search: the name in the link is a <bdi> of its own.
	await page.goto(`/broker/residents?q=${encodeURIComponent(name)}`);
	const person = page.getByRole('link', { name, exact: true });
	await expect(person.locator('bdi')).toHaveText(name);

	// The requests: the title in its own <bdi>, and set apart inside the sentence that names it.
	await page.goto('/broker/requests');
	await expect(page.getByRole('link', { name: title, exact: true }).locator('bdi')).toHaveText(
		title
	);
	const suggest = page.getByRole('link', { name: new RegExp(title) }).last();
	expect(await suggest.textContent()).toContain(`\u2068${title}\u2069`);

	// The post's own page for the broker: the title isolated and marked as Arabic.
	await page.goto('/broker/requests');
	const href = await page.getByRole('link', { name: title, exact: true }).getAttribute('href');
	await page.goto(`/broker${href}`);
	const heading = page.getByRole('heading', { level: 1 }).locator('bdi');
	await expect(heading).toHaveText(title);
	await expect(heading).toHaveAttribute('lang', 'ar');
	await expectAccessible(page);
});
