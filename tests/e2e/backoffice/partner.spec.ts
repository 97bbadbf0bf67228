import { DEMO_PASSWORD, expect, expectAccessible, test } from '../fixtures';
import { signIn } from '../pages/auth';
import { fillIntake } from '../pages/broker';
import { fillPost } from '../pages/posts';

const ELS = 'els@naburig.example';

/**
 * Issue 21 §4: a partner (Els, social worker of the OCMW) refers a resident with their consent;
 * the broker finds the intake on Today, registers the person at the phone intake, places their
 * request and completes it; Els sees "completed", never the broker's notes. A resident cannot
 * open the partner's pages.
 */
test('a partner refers a resident and the broker completes the intake', async ({
	page,
	browser,
	baseURL,
	signInAs
}) => {
	test.setTimeout(150_000);
	const run = Date.now().toString(36);
	const name = `Rosa Verbeke ${run}`;
	const note = `Vertrouwelijk: schulden bij de huisbaas ${run}`;

	// Els signs in (second factor) and lands on her own page.
	await signIn(page, ELS, DEMO_PASSWORD);
	await expect(page.getByRole('heading', { level: 1, name: 'Mensen doorverwijzen' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Iemand doorverwijzen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Iemand doorverwijzen' })).toBeVisible();
	await page.getByLabel('Naam van de bewoner').fill(name);
	await page.getByLabel('Telefoonnummer').fill('0470 98 76 54');
	await page
		.getByLabel('Waarmee zoekt de bewoner hulp?')
		.fill('Ze kan niet meer zelf naar de winkel en zoekt hulp met boodschappen.');
	await page.getByRole('radio', { name: 'Telefoon' }).check();
	await expectAccessible(page);
	// Without the resident's consent nothing is sent, and what was typed stays.
	await page.getByRole('button', { name: 'Doorverwijzen' }).click();
	await expect(
		page.getByLabel(/De bewoner is akkoord met deze doorverwijzing/)
	).toHaveAccessibleDescription(/Zonder akkoord van de bewoner verwijs je niet door\./);
	await expect(page.getByLabel('Naam van de bewoner')).toHaveValue(name);
	await page.getByLabel(/De bewoner is akkoord met deze doorverwijzing/).check();
	await page.getByRole('button', { name: 'Doorverwijzen' }).click();
	await expect(page.getByRole('status')).toHaveText(/De buurtwerker neemt contact op/);
	const mine = page.getByRole('listitem').filter({ hasText: name });
	await expect(mine).toContainText('Nieuw, nog niet opgenomen');

	// An, in a browser of her own: the intake is on Today.
	const context = await browser.newContext({ baseURL, locale: 'nl-BE' });
	const an = await context.newPage();
	await signInAs(an, 'broker');
	await an.goto('/broker/today');
	await an.getByRole('link', { name: new RegExp(`${name}, van OCMW Sociale dienst`) }).click();
	await expect(
		an.getByRole('heading', { level: 1, name: `Doorverwijzing: ${name}` })
	).toBeVisible();
	await expectAccessible(an);
	await an.getByRole('button', { name: 'Ik neem dit op' }).click();
	await expect(an.getByRole('status')).toHaveText('Bewaard. De partner krijgt bericht.');
	const referralUrl = an.url();

	// She registers Rosa at the phone intake (the phone the partner gave is filled in)…
	await an.getByRole('link', { name: 'naar de telefonische intake' }).click();
	await expect(an.getByLabel('Telefoonnummer')).toHaveValue('0470 98 76 54');
	await fillIntake(an, { name, phone: '0470 98 76 54', street: 'Kazernestraat', house: '12' });
	await an.getByRole('button', { name: 'Inschrijven' }).click();
	await expect(an.getByRole('heading', { name, level: 1 })).toBeVisible();
	const personId = new URL(an.url()).pathname.split('/').at(-1)!;
	// …writes a confidential note…
	await an.goto(`/broker/residents/${personId}`);
	await an.getByLabel('Nieuwe notitie').fill(note);
	await an.getByRole('button', { name: 'Notitie toevoegen' }).click();
	await expect(an.getByText('De notitie is bewaard.')).toBeVisible();
	// …places her request…
	await an.goto(`/broker/intake/${personId}`);
	await an.getByRole('link', { name: `Vraag of aanbod plaatsen voor ${name}` }).click();
	const title = `Boodschappen op dinsdag ${run}`;
	await fillPost(an, {
		kind: 'Ik zoek hulp',
		category: 'Boodschappen',
		title,
		body: 'Elke dinsdag een kleine boodschap bij de supermarkt.'
	});
	await an.getByRole('button', { name: 'Versturen' }).click();
	await expect(an.getByRole('heading', { name: title, level: 1 })).toBeVisible();

	// …and completes the referral with Rosa and that request.
	await an.goto(referralUrl);
	await an.getByLabel('Naam, e-mail, telefoon of straat').fill(name);
	await an.getByRole('button', { name: 'Zoeken' }).click();
	await expect(an.getByRole('radio', { name: title })).toBeChecked();
	await an.getByRole('button', { name: `Afronden met ${name}` }).click();
	await expect(an.getByRole('status')).toHaveText('Bewaard. De partner krijgt bericht.');
	await expect(an.getByRole('link', { name: title })).toBeVisible();
	await context.close();

	// Els sees where it stands, and nothing An wrote or found.
	await page.goto('/partner');
	await expect(page.getByRole('listitem').filter({ hasText: name })).toContainText(
		'Afgerond: de bewoner is ingeschreven'
	);
	const html = await page.content();
	expect(html).not.toContain(note);
	expect(html).not.toContain(title);
	expect(html).not.toContain('Kazernestraat');
});

test('residents and brokers cannot open the partner pages', async ({ asResident: maria }) => {
	const response = await maria.goto('/partner');
	expect(response?.status()).toBe(403);
});

test('a broker sees the partner accounts of the social map and cannot give one to an unknown address', async ({
	asBroker: an
}) => {
	await an.goto('/broker');
	await an.getByRole('link', { name: 'Partners', exact: true }).first().click();
	await expect(an.getByRole('heading', { level: 1, name: /^Partners van / })).toBeVisible();
	await expect(
		an
			.getByRole('listitem')
			.filter({ hasText: 'Els Peeters' })
			.filter({ hasText: 'OCMW Sociale dienst' })
	).toBeVisible();
	await expectAccessible(an);
	await an.getByLabel('Dienst').selectOption({ label: 'OCMW Sociale dienst' });
	await an.getByLabel('E-mailadres van de partner').fill('niemand-hier@naburig.example');
	await an.getByRole('button', { name: 'Partner-account geven' }).click();
	await expect(an.getByLabel('E-mailadres van de partner')).toHaveAccessibleDescription(
		/Er is geen account met dit e-mailadres/
	);
	await expect(an.getByLabel('E-mailadres van de partner')).toHaveValue(
		'niemand-hier@naburig.example'
	);
});
