import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test, uniqueEmail } from '../fixtures';
import { signIn, signOut, signUpAndVerify } from '../pages/auth';
import { fillPost, sendPost, setStreet } from '../pages/posts';
import { errorSummary } from '../pages/forms';

const PASSWORD = 'buren helpen buren graag';
const SETTINGS = 'Werkafspraken voor Oud-Oefenplein en Vuurkruisenplein';
const WHO = 'Wiens nieuwe oproepen kijkt een buurtwerker eerst na?';
const DAYS = 'Na hoeveel dagen zonder reactie komt een vraag op Vandaag?';

/** Opens the working agreements of the demo neighbourhood from the broker's home page. */
async function openSettings(page: import('@playwright/test').Page) {
	await page.goto('/broker');
	await page.getByRole('link', { name: SETTINGS }).click();
	await expect(page.getByRole('heading', { level: 1, name: SETTINGS })).toBeVisible();
}

test('the broker lets newcomers’ posts go online at once, then asks to check them again', async ({
	page
}) => {
	test.setTimeout(180_000);
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await openSettings(page);
	await expectAccessible(page);
	await expect(page.getByRole('group', { name: WHO })).toBeVisible();
	// The pilot's default: only people without a trust badge wait.
	await expect(
		page.getByRole('radio', { name: 'Van wie nog geen vertrouwensbadge heeft' })
	).toBeChecked();

	// A wrong number of days is refused beside the field, and what was chosen stays.
	await page.getByRole('radio', { name: 'Van niemand: oproepen komen meteen online' }).check();
	await page.getByLabel(DAYS).fill('45');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(
		errorSummary(page).getByRole('link', { name: 'Kies een aantal dagen van 1 tot 30.' })
	).toBeVisible();
	await expect(page.getByLabel(DAYS)).toHaveValue('45');
	await expect(
		page.getByRole('radio', { name: 'Van niemand: oproepen komen meteen online' })
	).toBeChecked();
	await openSettings(page);
	await expect(
		page.getByRole('radio', { name: 'Van wie nog geen vertrouwensbadge heeft' })
	).toBeChecked();

	try {
		await page.getByRole('radio', { name: 'Van niemand: oproepen komen meteen online' }).check();
		await page.getByLabel(DAYS).fill('5');
		await page.getByRole('button', { name: 'Opslaan' }).click();
		await expect(page.getByText('De werkafspraken zijn opgeslagen.')).toBeVisible();
		await signOut(page);

		// A newcomer without any badge: the post is online at once.
		const email = uniqueEmail('meteen');
		await signUpAndVerify(page, { name: 'Mira Meteen', email, password: PASSWORD });
		await signIn(page, email, PASSWORD);
		await setStreet(page, 'Kazernestraat', '4');
		const title = `Wie leent mij een ladder ${Date.now().toString(36)}`;
		await page.goto('/posts/new');
		await fillPost(page, {
			kind: 'Ik zoek hulp',
			category: 'Tuinwerk',
			title,
			body: 'Voor een uurtje, om de dakgoot schoon te maken.'
		});
		await sendPost(page);
		await expect(page.getByText('Status: Staat online')).toBeVisible();
		await signOut(page);

		// The change is in the audit log, with who made it.
		await signIn(page, DEMO.broker, DEMO_PASSWORD);
		await page.goto('/broker/audit');
		await expect(page.getByText('Wijzigde de werkafspraken').first()).toBeVisible();
	} finally {
		// Other tests expect the default: put it back as a broker would.
		await page.goto('/broker');
		if (!(await page.getByRole('link', { name: SETTINGS }).isVisible()))
			await signIn(page, DEMO.broker, DEMO_PASSWORD);
		await openSettings(page);
		await page.getByRole('radio', { name: 'Van wie nog geen vertrouwensbadge heeft' }).check();
		await page.getByLabel(DAYS).fill('3');
		await page.getByRole('button', { name: 'Opslaan' }).click();
		await expect(page.getByText('De werkafspraken zijn opgeslagen.')).toBeVisible();
	}
});

test('the broker finds a resident by street as she types, and can register someone new', async ({
	asBroker: page
}) => {
	await page.goto('/broker/residents');
	const search = page.getByLabel('Zoek een bewoner');
	// No button press: the list follows the typing.
	await search.pressSequentially('Vuurkruisenplein 7', { delay: 40 });
	await expect(page).toHaveURL(/q=Vuurkruisenplein/);
	await expect(page.getByRole('link', { name: 'Maria Janssens' })).toBeVisible();
	await expect(page.getByText('Vuurkruisenplein 7')).toBeVisible();
	await expect(search).toBeFocused();
	await expectAccessible(page);

	await search.fill('');
	await search.pressSequentially('Niemand Hier', { delay: 40 });
	// The list follows the typing: wait until it has caught up with all of it.
	await expect(page).toHaveURL(/q=Niemand(\+|%20)Hier/);
	await expect(page.getByText('Niemand gevonden.', { exact: false })).toBeVisible();
	await page.getByRole('link', { name: 'Iemand nieuw inschrijven' }).click();
	// What was typed comes along: a name goes into the name field.
	await expect(page).toHaveURL(/\/broker\/intake\?from=Niemand/);
	await expect(page.getByLabel('Naam', { exact: true })).toHaveValue('Niemand Hier');
});
