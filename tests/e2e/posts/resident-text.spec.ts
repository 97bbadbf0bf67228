import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, test } from '../fixtures';

// Lotte reads the site in English; Maria, her neighbour, writes in Dutch.
const EMOJI = /\p{Extended_Pictographic}/u;
const MARIAS_POST = 'Rit naar de apotheek';
// Transport, the fourth of the pilot's categories.
const TRANSPORT_REQUESTS = '/posts?category=4&kind=request';

async function signInAsLotte(page: Page) {
	await page.goto('/sign-in');
	await page.getByLabel('E-mailadres').fill('lotte@naburig.example');
	await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
}

test('categories show a drawing and their name, never an emoji box', async ({ page }) => {
	await signInAsLotte(page);
	await page.goto(TRANSPORT_REQUESTS);
	const card = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('link', { name: MARIAS_POST, exact: true }) });
	const category = card.getByRole('definition').filter({ hasText: 'Transport' });
	await expect(category).toBeVisible();
	await expect(category.locator('svg[aria-hidden="true"] path').first()).toBeAttached();
	expect(await category.innerText()).not.toMatch(EMOJI);

	await page.goto('/posts/new');
	await expect(page.getByRole('radio', { name: 'Dog walking' })).toBeVisible();
	const categories = page.getByRole('group', { name: 'What is it about?' });
	expect(await categories.innerText()).not.toMatch(EMOJI);
	await expect(categories.locator('svg[aria-hidden="true"]')).toHaveCount(
		await categories.getByRole('radio').count()
	);
});

test('what neighbours wrote is marked with their language on a page in another', async ({
	page
}) => {
	await signInAsLotte(page);
	await page.goto(TRANSPORT_REQUESTS);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	const title = page.getByRole('link', { name: MARIAS_POST, exact: true });
	await expect(title).toHaveAttribute('lang', 'nl');
	await expect(title).toHaveAttribute('dir', 'auto');

	await title.click();
	const heading = page.getByRole('heading', { level: 1, name: MARIAS_POST, exact: true });
	await expect(heading).toHaveAttribute('lang', 'nl');
	const body = page.getByText('Ik moet medicijnen ophalen bij de apotheek aan de markt.');
	await expect(body).toHaveAttribute('lang', 'nl');
	await expect(body).toHaveAttribute('dir', 'auto');
	// The page's own words stay in English.
	await expect(page.getByRole('link', { name: 'Back to the list' })).toBeVisible();
});
