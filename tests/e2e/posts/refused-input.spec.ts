import { expect, expectAccessible, test, uniqueEmail } from '../fixtures';
import { signIn, signUpAndVerify } from '../pages/auth';
import { dateGroup, expectDate, fillDate } from '../pages/forms';
import { fillPost, setStreet } from '../pages/posts';

test('a request with an invisible title, 1.5 helpers and 30 February is refused field by field, keeps what was typed and creates nothing', async ({
	page
}) => {
	const email = uniqueEmail('geweigerd');
	const password = 'buren helpen buren graag';
	await signUpAndVerify(page, { name: 'Walter', email, password });
	await signIn(page, email, password);
	await setStreet(page, 'Vaandelstraat', '12');

	await page.goto('/posts/new');
	const body = 'De lamp in mijn gang is stuk en ik kan niet meer op een ladder staan.';
	// Only zero-width characters: it looks empty, but the field is not.
	await fillPost(page, {
		kind: 'Ik zoek hulp',
		category: 'Sociaal contact',
		title: '\u200b\u200c\u200d\u2060',
		body
	});
	await page.getByRole('radio', { name: 'Op een bepaalde dag', exact: true }).check();
	// The day, month and year boxes take 30 February as typed, in the order people write it.
	await fillDate(page, 'Op welke dag?', '2027-02-30');
	const day = dateGroup(page, 'Op welke dag?');
	const boxes = day.getByRole('textbox');
	await expect(boxes.nth(0)).toHaveAccessibleName('Dag');
	await expect(boxes.nth(1)).toHaveAccessibleName('Maand');
	await expect(boxes.nth(2)).toHaveAccessibleName('Jaar');
	// The list offers 1 to 5; a form sent by hand can say 1.5.
	const helpers = page.getByLabel('Hoeveel helpers heb je nodig?');
	await helpers
		.locator('option', { hasText: '2' })
		.evaluate((option: HTMLOptionElement) => (option.value = '1.5'));
	await helpers.selectOption({ label: '2' });
	await page.getByRole('button', { name: 'Versturen' }).click();

	await expect(page.getByRole('alert', { name: 'Er is een probleem' })).toBeFocused();
	await expect(page.getByLabel('Titel')).toHaveAccessibleDescription(
		/Schrijf in een paar woorden wat je zoekt/
	);
	await expect(day).toHaveAccessibleDescription(/Deze dag bestaat niet in de kalender\./);
	await expect(helpers).toHaveAccessibleDescription(/Kies een aantal van 1 tot 5\./);
	await expect(page.getByLabel('Wat precies?')).toHaveValue(body);
	await expectDate(page, 'Op welke dag?', '2027-02-30');
	await expect(page.getByRole('radio', { name: 'Sociaal contact' })).toBeChecked();

	await page.goto('/posts/mine');
	await expect(page.getByText('Je hebt nog niets gevraagd of aangeboden.')).toBeVisible();
});

test('an empty post form lists every mistake above it, each a link to its field, and the title says so', async ({
	asResident: page
}) => {
	await page.goto('/posts/new');
	await expect(page).toHaveTitle('Vraag of bied hulp – Naburig');
	await page.getByRole('button', { name: 'Versturen' }).click();

	// Focus lands on the summary (not past its first mistakes); the title starts with "Fout: ".
	const summary = page.getByRole('alert', { name: 'Er is een probleem' });
	await expect(summary).toBeFocused();
	await expect(page).toHaveTitle('Fout: Vraag of bied hulp – Naburig');
	const title =
		'Schrijf in een paar woorden wat je zoekt of aanbiedt, bijvoorbeeld „Hulp bij boodschappen”.';
	await expect(summary.getByRole('link')).toHaveText([
		'Kies of je hulp zoekt of hulp aanbiedt.',
		'Kies het onderwerp dat er het best bij past.',
		title,
		'Vertel wat er moet gebeuren, bijvoorbeeld wat je nodig hebt en hoe lang het duurt.'
	]);
	// The same words beside the field; each link takes the person to its field.
	await expect(page.getByLabel('Titel')).toHaveAccessibleDescription(new RegExp(`${title}$`));
	await summary.getByRole('link', { name: title }).click();
	await expect(page.getByLabel('Titel')).toBeFocused();
	await summary.getByRole('link', { name: 'Kies of je hulp zoekt of hulp aanbiedt.' }).click();
	await expect(page.getByRole('radio', { name: /^Ik zoek hulp/ })).toBeFocused();

	// Fixed one by one: the summary lists what is left, and is focused again.
	await page.getByRole('radio', { name: /^Ik zoek hulp/ }).check();
	await page.getByLabel('Titel').fill('Lamp vervangen');
	await page.getByRole('button', { name: 'Versturen' }).click();
	await expect(summary).toBeFocused();
	await expect(summary.getByRole('link')).toHaveText([
		'Kies het onderwerp dat er het best bij past.',
		'Vertel wat er moet gebeuren, bijvoorbeeld wat je nodig hebt en hoe lang het duurt.'
	]);
	await expectAccessible(page);
});
