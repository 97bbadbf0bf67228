import { expect, test, uniqueEmail } from '../fixtures';
import { signIn, signUpAndVerify } from '../pages/auth';
import { fillPost, sendPost, setStreet } from '../pages/posts';

// Axe needs JavaScript, so these pages are checked for accessibility in posting.spec.ts.
test.use({ javaScriptEnabled: false });

test('the list and its filters work without JavaScript', async ({ asResident: page }) => {
	await page.goto('/posts');
	await expect(page.getByRole('heading', { name: 'Hulpvragen en aanbod', level: 1 })).toBeVisible();
	// The cards themselves, not the lists of badges inside them.
	const cards = page.getByRole('list', { name: 'Resultaten' }).locator(':scope > li');
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

test('a post can be written, corrected and sent without JavaScript', async ({ page }) => {
	const email = uniqueEmail('zonder-js-bericht');
	const password = 'buren helpen buren graag';
	await signUpAndVerify(page, { name: 'Odette', email, password });
	await signIn(page, email, password);
	await setStreet(page, 'Vaandelstraat', '12');

	await page.goto('/posts/new');
	const title = `Samen naar de markt ${Date.now().toString(36)}`;
	await fillPost(page, { kind: 'Ik bied hulp', category: 'Sociaal contact', title, body: '' });
	await page.getByRole('radio', { name: 'Elke week op hetzelfde moment' }).check();
	await page.getByLabel('Dag van de week').selectOption({ label: 'vrijdag' });
	await page.getByRole('button', { name: 'Versturen' }).click();

	// Without JavaScript the summary is sent by the server, focused as the page opens.
	await expect(page.getByRole('alert', { name: 'Er is een probleem' })).toBeFocused();
	await expect(page).toHaveTitle('Fout: Vraag of bied hulp – Naburig');
	await expect(page.getByLabel('Wat precies?')).toHaveAccessibleDescription(
		/Vertel wat er moet gebeuren/
	);
	await expect(page.getByLabel('Moment van de dag')).toHaveAccessibleDescription(
		/Kies een moment van de dag\./
	);
	await expect(page.getByLabel('Titel')).toHaveValue(title);
	await expect(page.getByRole('radio', { name: /Ik bied hulp/ })).toBeChecked();
	await expect(page.getByRole('radio', { name: 'Sociaal contact' })).toBeChecked();
	await expect(page.getByLabel('Dag van de week')).toHaveValue('5');

	await page
		.getByLabel('Wat precies?')
		.fill('Op vrijdagvoormiddag wandel ik naar de markt. Wie gaat mee?');
	await page.getByLabel('Moment van de dag').selectOption({ label: 'voormiddag' });
	await sendPost(page);
	await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
	await expect(page.getByText('Elke vrijdag, voormiddag')).toBeVisible();
	await expect(
		page.getByText('Je bericht wacht op een controle door de buurtwerker.')
	).toBeVisible();
});
