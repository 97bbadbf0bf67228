import { DEMO, DEMO_PASSWORD, expect, test } from '../fixtures';
import { signIn } from '../pages/auth';

// Axe needs JavaScript, so these pages are checked for accessibility in posting.spec.ts.
test.use({ javaScriptEnabled: false });

test('the list and its filters work without JavaScript', async ({ page }) => {
	await signIn(page, DEMO.resident, DEMO_PASSWORD);
	await page.goto('/posts');
	await expect(page.getByRole('heading', { name: 'Hulpvragen en aanbod', level: 1 })).toBeVisible();
	const cards = page.getByRole('list', { name: 'Resultaten' }).getByRole('listitem');
	await expect(cards.filter({ hasText: 'Vraag' }).first()).toBeVisible();

	await page.getByLabel('Soort').selectOption({ label: 'Hulpvragen' });
	await page.getByLabel('Wanneer', { exact: true }).selectOption({ label: 'Deze week' });
	await page.getByRole('button', { name: 'Toon' }).click();
	await expect(page).toHaveURL(/kind=request/);
	await expect(page).toHaveURL(/date=week/);
	await expect(page.getByLabel('Soort')).toHaveValue('request');
	// Demo requests this week: Maria's ride to the pharmacy (a date) and Annie's weekly shopping.
	await expect(page.getByRole('link', { name: 'Rit naar de apotheek' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Boodschappen bij de supermarkt' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Nederlands oefenen' })).toHaveCount(0);
	for (const card of await cards.all()) {
		await expect(card).toContainText('Vraag');
		await expect(card).toContainText(/minder dan|meer dan/);
	}

	// A post page, read without JavaScript too.
	await cards.first().getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByText('Afstand')).toBeVisible();

	await page.goto('/posts?within=500&kind=offer');
	await expect(page.getByLabel('Afstand van mij')).toHaveValue('500');
	for (const card of await cards.all()) await expect(card).toContainText('minder dan 500 m');
});
