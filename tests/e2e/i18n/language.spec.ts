import type { Browser, Locator, Page } from '@playwright/test';
import { expect, test, uniqueEmail } from '../fixtures';
import { signIn, signOut, signUpAndVerify } from '../pages/auth';
import { say } from './words';

// Issue 19: the language picker in the header, and the language a new visitor gets from their
// browser's Accept-Language.

/** A browser as a new visitor's: no cookie, the given languages. */
async function visitor(browser: Browser, baseURL: string | undefined, accept: string, ip: string) {
	const context = await browser.newContext({
		baseURL,
		locale: accept.split(',')[0],
		extraHTTPHeaders: { 'accept-language': accept, 'x-forwarded-for': ip }
	});
	return { context, page: await context.newPage() };
}

async function expectLanguage(page: Page, locale: string, dir: 'ltr' | 'rtl'): Promise<void> {
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
	await expect(page.locator('html')).toHaveAttribute('dir', dir);
}

const cases: [accept: string, locale: string, dir: 'ltr' | 'rtl'][] = [
	['tr-TR,tr;q=0.9', 'tr', 'ltr'],
	['ar-MA', 'ar', 'rtl'],
	['fr-BE,fr;q=0.8,nl;q=0.5', 'fr', 'ltr'],
	['en-GB,en;q=0.9', 'en', 'ltr'],
	// A language the site does not have: Dutch.
	['de-DE', 'nl', 'ltr']
];

for (const [accept, locale, dir] of cases) {
	test(`a new visitor whose browser asks for ${accept} gets the home page in ${locale}`, async ({
		browser,
		baseURL,
		clientAddress
	}) => {
		const { context, page } = await visitor(browser, baseURL, accept, clientAddress);
		await page.goto('/');
		await expectLanguage(page, locale, dir);
		await expect(
			page.getByRole('heading', { level: 1, name: say(locale, 'home_title') })
		).toBeVisible();
		await context.close();
	});
}

/** The header's language list, each language a link in its own name, language and script. */
const picker = (page: Page, locale = 'nl'): Locator =>
	page.getByRole('navigation', { name: say(locale, 'language_label') });

test('the header names each language in its own script, with its lang and dir', async ({
	page
}) => {
	await page.goto('/');
	const nav = picker(page);
	await expect(nav.getByText('Nederlands')).toHaveAttribute('aria-current', 'true');
	for (const [name, lang, dir] of [
		['English', 'en', 'ltr'],
		['Français', 'fr', 'ltr'],
		['Türkçe', 'tr', 'ltr'],
		['العربية', 'ar', 'rtl']
	] as const) {
		const link = nav.getByRole('link', { name, exact: true });
		await expect(link).toHaveAttribute('lang', lang);
		await expect(link).toHaveAttribute('dir', dir);
	}
});

/** Whether two boxes share any pixel. */
const overlap = (
	a: { x: number; y: number; width: number; height: number },
	b: { x: number; y: number; width: number; height: number }
) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

// 200 % zoom of a 1280 × 720 window leaves 640 × 360 CSS pixels.
for (const [size, viewport] of [
	['a 360 px phone', { width: 360, height: 740 }],
	['200 % zoom', { width: 640, height: 360 }]
] as const) {
	for (const locale of ['nl', 'ar']) {
		test(`on ${size} in ${locale} the header fits: no sideways scrolling, nothing overlaps`, async ({
			page,
			context,
			baseURL
		}) => {
			await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL! }]);
			await page.setViewportSize(viewport);
			await page.goto('/');
			await page.waitForLoadState('load');
			const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
			expect(width).toBeLessThanOrEqual(viewport.width);
			const header = page.getByRole('banner');
			const boxes = [
				await header.getByRole('link', { name: say(locale, 'site_name') }).boundingBox(),
				await header.getByText(say(locale, 'nav_menu'), { exact: true }).boundingBox()
			];
			for (const item of await picker(page, locale).getByRole('listitem').all())
				boxes.push(await item.boundingBox());
			for (const [i, a] of boxes.entries()) {
				expect(a, `item ${i} is shown`).not.toBeNull();
				expect(a!.x).toBeGreaterThanOrEqual(0);
				expect(a!.x + a!.width).toBeLessThanOrEqual(viewport.width);
				for (const b of boxes.slice(i + 1)) expect(overlap(a!, b!)).toBe(false);
			}
		});
	}
}

test('a language chosen by clicking its name stays on the next page, and on the account after signing in again', async ({
	page,
	browser,
	baseURL,
	clientAddress
}) => {
	const person = { name: 'Ayşe Yılmaz', email: uniqueEmail('picker'), password: 'dil-seçimi-2026' };
	await signUpAndVerify(page, person);
	await signIn(page, person.email, person.password);
	await page.goto('/tools');
	await picker(page).getByRole('link', { name: 'Türkçe' }).click();
	await expect(page).toHaveURL(/\/tools$/);
	await expectLanguage(page, 'tr', 'ltr');
	await expect(picker(page, 'tr').getByText('Türkçe')).toHaveAttribute('aria-current', 'true');
	await page.goto('/');
	await expectLanguage(page, 'tr', 'ltr');
	await expect(
		page.getByRole('heading', { level: 1, name: say('tr', 'home_title') })
	).toBeVisible();

	// Another browser, Dutch: signing in brings back the account's language.
	const other = await visitor(browser, baseURL, 'nl-BE,nl;q=0.9', clientAddress);
	await other.page.goto('/sign-in');
	await expectLanguage(other.page, 'nl', 'ltr');
	await other.page.getByLabel('E-mailadres').fill(person.email);
	await other.page.getByLabel('Wachtwoord', { exact: true }).fill(person.password);
	await other.page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(other.page).not.toHaveURL(/\/sign-in/);
	await expectLanguage(other.page, 'tr', 'ltr');
	await expect(
		other.page.getByRole('button', { name: say('tr', 'nav_sign_out'), includeHidden: true })
	).toBeAttached();
	await other.context.close();
	// signOut reads Dutch: back to Dutch first, by the picker.
	await picker(page, 'tr').getByRole('link', { name: 'Nederlands' }).click();
	await signOut(page);
});

test('a language can be chosen by keyboard: Tab to its name, Enter', async ({ page }) => {
	await page.goto('/');
	const link = picker(page).getByRole('link', { name: 'العربية' });
	for (let i = 0; i < 30 && !(await link.evaluate((a) => a === document.activeElement)); i++)
		await page.keyboard.press('Tab');
	await expect(link).toBeFocused();
	await page.keyboard.press('Enter');
	await expectLanguage(page, 'ar', 'rtl');
	await expect(
		page.getByRole('heading', { level: 1, name: say('ar', 'home_title') })
	).toBeVisible();
	await page.goto('/tools');
	await expectLanguage(page, 'ar', 'rtl');
});

test('a Dutch page downloads no font; an Arabic page downloads Noto Sans Arabic', async ({
	page,
	context,
	baseURL
}) => {
	const fonts: string[] = [];
	page.on('request', (r) => {
		if (r.resourceType() === 'font') fonts.push(new URL(r.url()).pathname);
	});
	await page.goto('/');
	await expectLanguage(page, 'nl', 'ltr');
	// The header's "العربية" is on the page, set in the system font.
	await expect(picker(page).getByRole('link', { name: 'العربية' })).toBeVisible();
	await page.evaluate(() => document.fonts.ready);
	await page.waitForLoadState('networkidle');
	expect(fonts).toEqual([]);

	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'ar', url: baseURL! }]);
	const font = page.waitForRequest((r) => r.resourceType() === 'font');
	await page.goto('/');
	await expectLanguage(page, 'ar', 'rtl');
	expect(new URL((await font).url()).pathname).toMatch(
		/noto-sans-arabic-arabic-\d00-normal.*\.woff2$/
	);
	await expect
		.poll(() => page.evaluate(() => document.fonts.check('16px "Noto Sans Arabic"', 'العربية')))
		.toBe(true);
});
