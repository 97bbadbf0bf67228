import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test, uniqueEmail } from '../fixtures';
import { signIn, signOut, signUpAndVerify } from '../pages/auth';
import { fillIntake } from '../pages/broker';
import { fillPost, sendPost, setStreet } from '../pages/posts';
import { waitForMail } from '../smtp';

const suffix = () => Date.now().toString(36);

test('a broker registers someone without e-mail, posts for them, refers it and calls them', async ({
	asBroker: page
}) => {
	test.setTimeout(180_000);
	const name = `Rosalie ${suffix()}`;
	await page.goto('/broker');
	await page.getByRole('link', { name: 'Iemand inschrijven' }).click();
	await expect(page.getByRole('heading', { name: 'Iemand inschrijven', level: 1 })).toBeVisible();
	await expectAccessible(page);

	// Without consent nothing is stored, and what was typed stays.
	await fillIntake(
		page,
		{
			name,
			phone: '03 321 54 76',
			street: 'Kazernestraat',
			house: '41',
			languages: ['Nederlands', 'Frans (Français)'],
			contactBy: 'Langsgaan'
		},
		{ consent: false }
	);
	await page.getByRole('button', { name: 'Inschrijven' }).click();
	await expect(
		page.getByLabel('De persoon gaf toestemming om ingeschreven te worden.')
	).toHaveAccessibleDescription(/Vraag eerst of de persoon akkoord is/);
	await expect(page.getByLabel('Naam', { exact: true })).toHaveValue(name);
	await expect(page.getByRole('checkbox', { name: 'Frans (Français)' })).toBeChecked();

	await page.getByLabel('De persoon gaf toestemming om ingeschreven te worden.').check();
	await page.getByRole('button', { name: 'Inschrijven' }).click();
	await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
	// The page confirms what was registered, languages by their names, as a list in words.
	await expect(page.getByRole('status')).toContainText(`${name} is ingeschreven`);
	await expect(
		page.getByRole('definition').filter({ hasText: 'Nederlands en Frans' })
	).toBeVisible();
	await expect(page.getByRole('definition').filter({ hasText: 'Kazernestraat 41' })).toBeVisible();
	await expect(page.getByText('Toestemming genoteerd door An')).toBeVisible();
	await expect(page.getByText('Niets te bellen.')).toBeVisible();
	await expectAccessible(page);
	const personUrl = page.url();

	// The request, placed in the compact form: on the list at once, "placed by the broker".
	await page.getByRole('link', { name: `Vraag of aanbod plaatsen voor ${name}` }).click();
	await expect(page.getByRole('heading', { name: `Plaatsen voor ${name}` })).toBeVisible();
	await expectAccessible(page);
	const title = `Hulp bij een brief van de bank ${suffix()}`;
	await fillPost(page, {
		kind: 'Ik zoek hulp',
		category: 'Papieren en formulieren',
		title,
		body: 'Ik begrijp een brief van de bank niet goed. Wie leest hem samen met mij?'
	});
	await page.getByRole('button', { name: 'Versturen' }).click();
	await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
	await expect(page.getByText('Geplaatst door de buurtwerker')).toBeVisible();
	const postUrl = page.url();

	await page.goto('/posts');
	const card = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('link', { name: title, exact: true }) });
	await expect(card).toContainText('Geplaatst door de buurtwerker');

	// The print card: the request, the phone-duty number, nothing about the person.
	await page.goto(postUrl);
	await page.getByRole('link', { name: 'Kaartje om af te drukken' }).click();
	await expect(page.getByRole('heading', { name: title })).toBeVisible();
	await expect(page.getByText('Bel de buurtwerker: 0470 11 22 33')).toBeVisible();
	const cardText = await page.locator('main').innerText();
	expect(cardText).not.toContain('Rosalie');
	expect(cardText).not.toContain('Kazernestraat');
	expect(cardText).not.toContain('03 321 54 76');
	await expectAccessible(page);

	// Referred to the OCMW: she has no e-mail, so the plain-words message becomes a call.
	await page.goto(postUrl);
	await page.getByRole('link', { name: 'Doorverwijzen' }).click();
	await expectAccessible(page);
	await page.getByLabel('Dienst').selectOption({ label: 'OCMW Sociale dienst' });
	await page.getByRole('button', { name: 'Doorverwijzen' }).click();
	await expect(page.getByText('Doorverwezen naar OCMW Sociale dienst.')).toBeVisible();

	await page.goto(personUrl);
	const calls = page.getByRole('region', { name: 'Te bellen' });
	await expect(calls).toContainText('Wie je verder kan helpen');
	await expect(calls).toContainText('03 444 10 00');
	await expect(calls).toContainText(title);

	await page.goto('/posts');
	await expect(page.getByRole('link', { name: title, exact: true })).toHaveCount(0);
});

test('a referred resident with e-mail gets the plain-words mail', async ({ page, signInAs }) => {
	const email = uniqueEmail('doorverwezen');
	const password = 'buren helpen buren graag';
	await signUpAndVerify(page, { name: 'Georgette', email, password });
	await signIn(page, email, password);
	await setStreet(page, 'Lansiersstraat', '8');
	await page.goto('/posts/new');
	const title = `Hulp met mijn energiefactuur ${suffix()}`;
	await fillPost(page, {
		kind: 'Ik zoek hulp',
		category: 'Papieren en formulieren',
		title,
		body: 'Mijn factuur is heel hoog en ik weet niet wat ik moet doen.'
	});
	await sendPost(page);
	await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
	const postUrl = page.url();
	await signOut(page);

	const since = Date.now();
	await signInAs(page, 'broker');
	await page.goto(postUrl.replace('/posts/', '/broker/posts/') + '/refer');
	await page.getByLabel('Dienst').selectOption({ label: 'OCMW Sociale dienst' });
	await page.getByLabel('Notitie (alleen voor buurtwerkers)').fill('Energieschuld');
	await page.getByRole('button', { name: 'Doorverwijzen' }).click();
	await expect(page.getByText('Doorverwezen naar OCMW Sociale dienst.')).toBeVisible();

	const mail = await waitForMail(email, { subject: /Wie je verder kan helpen/, after: since });
	expect(mail.text).toContain(title);
	expect(mail.text).toContain('OCMW Sociale dienst');
	expect(mail.text).toContain('Telefoon: 03 444 10 00');
	expect(mail.text).not.toContain('Energieschuld');
});

test('a resident passes on a signal; the broker picks it up and closes it', async ({ page }) => {
	const email = uniqueEmail('signaal');
	const password = 'buren helpen buren graag';
	const about = `Buurman op nummer 3 ${suffix()}`;
	const note = `Huisbezoek gepland met het OCMW ${suffix()}`;
	await signUpAndVerify(page, { name: 'Walter', email, password });
	await signIn(page, email, password);
	await setStreet(page, 'Trompetterslaan', '5');

	await page.goto('/signals/new');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Doorgeven' }).click();
	await expect(page.getByLabel('Wat wil je doorgeven?')).toHaveAccessibleDescription(
		/Schrijf wat je wilt doorgeven/
	);
	await page.getByRole('radio', { name: 'Over een persoon' }).check();
	await page.getByRole('radio', { name: 'Ja, die weet het en is akkoord' }).check();
	await page.getByLabel('Over wie of wat (kort)').fill(about);
	await page.getByLabel('Wat wil je doorgeven?').fill('Hij komt niet meer buiten en eet slecht.');
	await page.getByRole('button', { name: 'Doorgeven' }).click();
	await expect(page.getByText('Bedankt. Een buurtwerker leest het.')).toBeVisible();
	const mine = page.getByRole('listitem').filter({ hasText: about });
	await expect(mine).toContainText('Ontvangen');
	await expectAccessible(page);
	await signOut(page);

	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto('/broker/signals');
	await expectAccessible(page);
	const item = page.getByRole('listitem').filter({ hasText: about });
	await expect(item).toContainText('Hij komt niet meer buiten');
	await item.getByRole('button', { name: 'Opnemen' }).click();
	await expect(item).toContainText('Opgenomen');
	await item.getByLabel('Wat werd er gedaan?').fill(note);
	await item.getByRole('button', { name: 'Afsluiten' }).click();
	await expect(item).toContainText('Afgesloten');
	await expect(item).toContainText(note);
	await signOut(page);

	await signIn(page, email, password);
	await page.goto('/signals');
	await expect(mine).toContainText('Afgesloten');
	await expect(page.getByText(note)).toHaveCount(0);
});

test('a broker links a carer, who posts for the resident; others are refused', async ({ page }) => {
	const email = uniqueEmail('mantelzorger');
	const password = 'buren helpen buren graag';
	await signUpAndVerify(page, { name: 'Lieve', email, password });

	const name = `Albertine ${suffix()}`;
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto('/broker/intake');
	await fillIntake(page, { name, phone: '03 999 88 77', street: 'Kanonnierstraat', house: '2' });
	await page.getByRole('button', { name: 'Inschrijven' }).click();
	await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
	const residentId = page.url().split('/').pop()!;
	await page.getByLabel('E-mailadres van de mantelzorger').fill(email);
	await page.getByLabel('De bewoner gaf toestemming.').check();
	await page.getByRole('button', { name: 'Koppelen' }).click();
	await expect(page.getByText('Gekoppeld.')).toBeVisible();
	await signOut(page);

	// Someone without a link is refused.
	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	const refused = await page.goto(`/posts/new?for=${residentId}`);
	expect(refused?.status()).toBe(403);
	await signOut(page);

	await signIn(page, email, password);
	await page.goto('/account');
	await page.getByRole('link', { name: `Iets plaatsen voor ${name}` }).click();
	const title = `Iemand om mee te wandelen ${suffix()}`;
	await fillPost(page, {
		kind: 'Ik zoek hulp',
		category: 'Sociaal contact',
		title,
		body: 'Mijn moeder wandelt graag, maar niet meer alleen.'
	});
	await page.getByRole('button', { name: 'Versturen' }).click();
	await expect(page.getByRole('status')).toContainText('Een buurtwerker kijkt het na');
	await expectAccessible(page);
});

test('a resident is refused the broker pages', async ({ asResident: page }) => {
	for (const path of [
		'/broker/intake',
		'/broker/signals',
		'/broker/posts/1/refer',
		'/broker/posts/1/card',
		'/broker/neighbourhoods/1/services'
	]) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(403);
	}
});

test('a broker keeps the social map: add, correct and remove a service', async ({
	asBroker: page
}) => {
	const name = `Buurthuis De Kaai ${suffix()}`;
	await page.goto('/broker');
	await page
		.getByRole('link', { name: /^Sociale kaart van/ })
		.first()
		.click();
	await expect(page.getByRole('heading', { level: 1, name: /Sociale kaart van/ })).toBeVisible();
	await expect(page.getByText('Wit-Gele Kruis thuisverpleging')).toBeVisible();
	await expectAccessible(page);

	const add = page.getByRole('region', { name: 'Dienst toevoegen' });
	await add.getByLabel('Naam').fill(name);
	await add.getByLabel('Wat ze doen').fill('Koffie, een babbel en hulp bij formulieren.');
	await add.getByLabel('Telefoon').fill('03 555 12 12');
	await add.getByLabel(/Openingsuren/).fill('elke dag');
	await add.getByRole('button', { name: 'Dienst toevoegen' }).click();
	await expect(add.getByLabel(/Openingsuren/)).toHaveAccessibleDescription(/Schrijf de uren zoals/);
	await expect(add.getByLabel('Naam')).toHaveValue(name);
	await add.getByLabel(/Openingsuren/).fill('di 14:00-17:00');
	await add.getByRole('button', { name: 'Dienst toevoegen' }).click();
	const item = page.getByRole('listitem').filter({ hasText: name });
	await expect(item).toBeVisible();

	await item.getByText(name).click();
	await expect(item.getByLabel(/Openingsuren/)).toHaveValue('di 14:00-17:00');
	await item.getByRole('button', { name: 'Verwijderen' }).click();
	await expect(page.getByRole('listitem').filter({ hasText: name })).toHaveCount(0);
});
