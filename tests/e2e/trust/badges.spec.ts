import { expect, expectAccessible, test } from '../fixtures';

test('a post shows its poster’s badges in words, and the badges page explains them', async ({
	asResident: page
}) => {
	// Offers only: other tests place many new requests, which would push it off the first page.
	await page.goto('/posts?kind=offer&sort=newest');
	await page.getByRole('link', { name: 'Lampen, stopcontacten en kleine klusjes' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Lampen, stopcontacten en kleine klusjes' })
	).toBeVisible();
	// The post's own list (the list page names each card's list after its post).
	const badges = page.getByRole('list', { name: 'Vertrouwenslabels', exact: true });
	await expect(badges).toContainText('Persoonlijk ontmoet');
	await expect(badges).toContainText('Bewijs van goed gedrag gezien');
	await page.getByRole('link', { name: 'Wat betekenen de labels?' }).click();
	await expect(
		page.getByRole('heading', { name: 'Wat betekenen de vertrouwenslabels?' })
	).toBeVisible();
	await expect(page.getByText('Een buurtwerker had een kennismakingsgesprek')).toBeVisible();
	// Earned badges too, in plain words: nobody switches them on by hand.
	const earned = page.getByRole('region', { name: 'Labels die de website zelf uitrekent' });
	await expect(earned).toContainText('Hielp al 1, 5 of 25 keer');
	await expect(earned).toContainText('E-mailadres bevestigd');
	await expect(earned).toContainText('dat antwoord telt niet mee');
	await expectAccessible(page);

	// The poster's profile explains each badge beside it.
	await page.goBack();
	await page.getByRole('link', { name: /^Over / }).click();
	await expect(page.getByText('Een buurtwerker had een kennismakingsgesprek')).toBeVisible();
	await expectAccessible(page);
});
