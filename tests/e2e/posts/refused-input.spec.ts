import { expect, test, uniqueEmail } from '../fixtures';
import { signIn, signUpAndVerify } from '../pages/auth';
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
	// The calendar of a date field cannot pick 30 February; a form sent by hand or an older
	// browser's plain text field can, so the field is made one here.
	const day = page.getByLabel('Dag', { exact: true });
	await day.evaluate((input: HTMLInputElement) => (input.type = 'text'));
	await day.fill('2027-02-30');
	// The list offers 1 to 5; a form sent by hand can say 1.5.
	const helpers = page.getByLabel('Hoeveel helpers heb je nodig?');
	await helpers
		.locator('option', { hasText: '2' })
		.evaluate((option: HTMLOptionElement) => (option.value = '1.5'));
	await helpers.selectOption({ label: '2' });
	await page.getByRole('button', { name: 'Versturen' }).click();

	await expect(page.getByText('Niet alles is goed ingevuld.')).toBeVisible();
	await expect(page.getByLabel('Titel')).toHaveAccessibleDescription(/Vul dit in\./);
	await expect(day).toHaveAccessibleDescription(/Deze dag bestaat niet in de kalender\./);
	await expect(helpers).toHaveAccessibleDescription(/Kies een aantal van 1 tot 5\./);
	await expect(page.getByLabel('Wat precies?')).toHaveValue(body);
	await expect(day).toHaveValue('2027-02-30');
	await expect(page.getByRole('radio', { name: 'Sociaal contact' })).toBeChecked();

	await page.goto('/posts/mine');
	await expect(page.getByText('Je hebt nog niets gevraagd of aangeboden.')).toBeVisible();
});
