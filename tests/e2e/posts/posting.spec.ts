import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test, uniqueEmail } from '../fixtures';
import { shift, today } from '../dates';
import { signIn, signOut, signUpAndVerify } from '../pages/auth';
import { fillPost, myPostCards, sendPost, setStreet, streetPoint } from '../pages/posts';
import { expectDate, fillDate } from '../pages/forms';

const PASSWORD = 'buren helpen buren graag';
const NEIGHBOURHOOD = 'Oud-Oefenplein en Vuurkruisenplein';
const stamp = () => Date.now().toString(36);

test('a newcomer posts a request, fixes a mistake, and it waits for a check', async ({
	page,
	signInAs
}) => {
	const email = uniqueEmail('vraag');
	await signUpAndVerify(page, { name: 'Rosalie Peeters', email, password: PASSWORD });
	await signIn(page, email, PASSWORD);

	// Without a place in the profile the form asks for the street itself.
	await page.getByRole('link', { name: 'Vraag of bied hulp' }).first().click();
	await expect(page.getByRole('heading', { name: 'Vraag of bied hulp', level: 1 })).toBeVisible();
	await expect(page.getByRole('group', { name: 'Waar woon je?' })).toBeVisible();
	await expectAccessible(page);

	await page.getByLabel('Je straat').selectOption({ label: 'Kazernestraat' });
	await page.getByLabel('Huisnummer').fill('741 bus 9');
	await fillPost(page, {
		kind: 'Ik zoek hulp',
		category: 'Vervoer',
		title: '',
		body: 'Een rit naar de apotheek aan de markt en terug. Ongeveer drie kwartier.'
	});
	await page.getByRole('radio', { name: 'Op een bepaalde dag, tussen twee uren' }).check();
	const soon = shift(today(), 5);
	await fillDate(page, 'Op welke dag?', soon);
	await page.getByLabel('Van (uur)').fill('11:00');
	await page.getByLabel('Tot (uur)').fill('10:00');
	await page.getByLabel('Hoe lang duurt het ongeveer?').selectOption({ label: 'een uur' });
	await page.getByLabel('Hoeveel helpers heb je nodig?').selectOption('2');
	await page.getByRole('button', { name: 'Versturen' }).click();

	// Each mistake is explained beside its field; everything typed stays.
	await expect(page.getByRole('alert', { name: 'Er is een probleem' })).toBeFocused();
	await expect(page.getByLabel('Titel')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Titel')).toHaveAccessibleDescription(
		/Schrijf in een paar woorden wat je zoekt of aanbiedt/
	);
	await expect(page.getByLabel('Tot (uur)')).toHaveAccessibleDescription(
		/Het einduur moet later zijn dan het beginuur\./
	);
	await expect(page.getByLabel('Wat precies?')).toHaveValue(/rit naar de apotheek/);
	await expect(page.getByRole('radio', { name: 'Vervoer' })).toBeChecked();
	await expectDate(page, 'Op welke dag?', soon);
	await expect(
		page.getByLabel('Hoe lang duurt het ongeveer?').locator('option:checked')
	).toHaveText('een uur');
	await expect(page.getByLabel('Hoeveel helpers heb je nodig?')).toHaveValue('2');
	await expect(page.getByLabel('Je straat').locator('option:checked')).toHaveText('Kazernestraat');
	await expect(page.getByLabel('Huisnummer')).toHaveValue('741 bus 9');
	await expectAccessible(page);

	const title = `Rit naar de apotheek ${stamp()}`;
	await page.getByLabel('Titel').fill(title);
	await page.getByLabel('Tot (uur)').fill('12:00');
	await sendPost(page);

	await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
	await expect(
		page.getByText('Je bericht wacht op een controle door de buurtwerker.')
	).toBeVisible();
	await expect(page.getByText('Status: Wacht op een controle')).toBeVisible();
	await expect(page.getByText('2 van de 2 nog nodig')).toBeVisible();
	await expect(page.getByText(`Van Rosalie uit ${NEIGHBOURHOOD}`)).toBeVisible();
	const html = await page.content();
	await expectAccessible(page);
	const postUrl = page.url();
	// The post does not give away the house number or the street's exact point.
	const [lat, lon] = await streetPoint(page, 'Kazernestraat');
	expect(html).not.toContain('741');
	expect(html).not.toContain(lat);
	expect(html).not.toContain(lon);

	// Nobody else sees a post that waits for a check.
	await signOut(page);
	await signInAs(page, 'resident');
	const response = await page.goto(postUrl);
	expect(response?.status()).toBe(404);
	await page.goto('/posts');
	await expect(page.getByRole('link', { name: title })).toHaveCount(0);
});

test('double clicking "Versturen" makes one post', async ({ page, signInAs }) => {
	const email = uniqueEmail('dubbel');
	await signUpAndVerify(page, { name: 'Karim', email, password: PASSWORD });
	await signIn(page, email, PASSWORD);
	await setStreet(page, 'Schuttershofstraat', '5');
	await page.goto('/posts/new');
	const title = `Boodschappen doen ${stamp()}`;
	await fillPost(page, {
		kind: 'Ik zoek hulp',
		category: 'Boodschappen',
		title,
		body: 'Een klein lijstje bij de bakker en de supermarkt, een half uurtje.'
	});
	await sendPost(page, 'dblclick');
	await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();

	await page.goto('/posts/mine');
	await expect(myPostCards(page, title)).toHaveCount(1);
	await expect(myPostCards(page, title)).toContainText('Status: Wacht op een controle');
	await expectAccessible(page);

	// The poster changes it: the form comes back filled in, and only the poster may open it.
	await myPostCards(page, title).getByRole('link', { name: 'Wijzigen' }).click();
	await expect(page.getByRole('heading', { name: 'Bericht wijzigen', level: 1 })).toBeVisible();
	await expect(page.getByLabel('Titel')).toHaveValue(title);
	await expect(page.getByRole('radio', { name: 'Boodschappen' })).toBeChecked();
	await page.getByLabel('Wat precies?').fill('');
	await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
	await expect(page.getByLabel('Wat precies?')).toHaveAccessibleDescription(
		/Vertel wat er moet gebeuren/
	);
	await expectAccessible(page);
	await page.getByLabel('Wat precies?').fill('Brood en melk bij de bakker, een kwartiertje.');
	await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
	await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
	await expect(page.getByText('Brood en melk bij de bakker')).toBeVisible();
	const editUrl = `${new URL(page.url()).pathname}/edit`;
	await signOut(page);
	await signInAs(page, 'resident');
	expect((await page.goto(editUrl))?.status()).toBe(404);
});

test('a resident with a badge offers help: it is open at once, can be found, paused and reopened', async ({
	page,
	signInAs
}) => {
	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await page.goto('/profile');
	const street = (await page.getByLabel('Je straat').locator('option:checked').textContent())!;
	const house = await page.getByLabel('Huisnummer').inputValue();
	const [lat, lon] = await streetPoint(page, street.trim());

	await page.goto('/posts/new');
	await expectAccessible(page);
	const title = `Gordijnen ophangen ${stamp()}`;
	await fillPost(page, {
		kind: 'Ik bied hulp',
		category: 'Kleine klusjes in huis',
		title,
		body: 'Ik hang gordijnen en rails op. Ladder en boor heb ik zelf. Een uurtje per keer.'
	});
	await expect(page.getByLabel('Hoeveel helpers heb je nodig?')).toHaveCount(0);
	await page.getByRole('checkbox', { name: 'Dit aanbod blijft staan' }).check();
	await page.getByRole('radio', { name: 'Elke week op hetzelfde moment' }).check();
	await page.getByLabel('Dag van de week').selectOption({ label: 'zaterdag' });
	await page.getByLabel('Moment van de dag').selectOption({ label: 'voormiddag' });
	await page.getByRole('radio', { name: 'Op een andere plek in de buurt' }).check();
	await page.getByLabel('Welke plek?').fill('Het buurthuis');
	await page.getByLabel('In welke straat is die plek?').selectOption({ label: 'Paradeplein' });
	await sendPost(page);

	await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
	await expect(page.getByText('Status: Staat online')).toBeVisible();
	await expect(page.getByText('Elke zaterdag, voormiddag. Dit aanbod blijft staan.')).toBeVisible();
	await expect(page.getByText('Het buurthuis')).toBeVisible();
	await expect(page.getByText('wacht op een controle')).toHaveCount(0);

	// Pause and re-open from "my posts".
	await page.goto('/posts/mine');
	await myPostCards(page, title).getByRole('button', { name: 'Pauzeren' }).click();
	await expect(myPostCards(page, title)).toContainText('Status: Gepauzeerd');
	await expectAccessible(page);
	await page.goto('/posts?kind=offer');
	await expect(page.getByRole('link', { name: title })).toHaveCount(0);
	await page.goto('/posts/mine');
	await myPostCards(page, title).getByRole('button', { name: 'Opnieuw online zetten' }).click();
	await expect(myPostCards(page, title)).toContainText('Status: Staat online');

	// A neighbour finds it in the list, filtered on offers of this category, first.
	await signOut(page);
	await signIn(page, DEMO.resident, DEMO_PASSWORD);
	await page.getByRole('link', { name: 'Hulpvragen en aanbod' }).click();
	await page.getByLabel('Soort').selectOption({ label: 'Aanbod' });
	await page.getByLabel('Categorie').selectOption({ label: 'Kleine klusjes in huis' });
	await page.getByLabel('Volgorde').selectOption({ label: 'Nieuwste eerst' });
	await page.getByRole('button', { name: 'Toon' }).click();
	await expect(page).toHaveURL(/kind=offer/);
	await expect(page).toHaveURL(/sort=newest/);
	await expect(page).toHaveURL(/category=\d+/);
	// The cards themselves, not the lists of badges inside them.
	const cards = page.getByRole('list', { name: 'Resultaten' }).locator(':scope > li');
	await expect(cards.first()).toContainText(title);
	await expect(cards.first()).toContainText('Aanbod');
	await expect(cards.first()).toContainText(NEIGHBOURHOOD);
	await expect(cards.first()).toContainText(/minder dan|meer dan/);
	for (const card of await cards.all()) {
		await expect(card).toContainText('Aanbod');
		await expect(card).toContainText('Kleine klusjes in huis');
	}
	await expectAccessible(page);

	// What the neighbour's browser receives: the first name, never the address or the point.
	const secrets = [lat, lon, `${street.trim()} ${house}`, ` ${house}<`, 'Peeters'];
	await page.reload();
	const list = await page.content();
	for (const secret of secrets) expect(list).not.toContain(secret);
	await page.getByRole('link', { name: title }).click();
	await expect(page.getByText(`Van Jozef uit ${NEIGHBOURHOOD}`)).toBeVisible();
	await expect(page.getByText('Status:')).toHaveCount(0);
	await page.reload();
	const postHtml = await page.content();
	for (const secret of secrets) expect(postHtml).not.toContain(secret);
	await expectAccessible(page);

	// Close it again, so the demo stays as it was for other tests.
	await signOut(page);
	await signInAs(page, 'helper');
	await page.goto('/posts/mine');
	await myPostCards(page, title).getByRole('button', { name: 'Afsluiten' }).click();
	await expect(myPostCards(page, title)).toContainText('Status: Afgesloten');
});
