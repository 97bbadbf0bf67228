import { DEMO, expect, expectAccessible, test } from '../fixtures';
import { linkIn, waitForMail } from '../smtp';

/**
 * Issue 21 §1, the signal cycle: a volunteer says someone is in danger now and is shown whom to
 * call before sending; the broker finds it at the top of Today and in her mail, links it to the
 * resident it is about, and answers; the volunteer reads the answer on the site and in the mail.
 * Without the person's consent a signal is a question for advice, without a name.
 */
test('an urgent signal: the numbers to call, the top of Today, a link, and an answer the volunteer reads', async ({
	asHelper: jozef,
	browser,
	baseURL,
	signInAs
}) => {
	const run = Date.now().toString(36);
	const body = `Mevrouw op nummer 12 ligt op de grond en antwoordt niet ${run}`;
	await jozef.goto('/signals/new');
	await expect(
		jozef.getByRole('heading', { level: 1, name: 'Een signaal doorgeven' })
	).toBeVisible();
	// Before saying anything about danger, no numbers crowd the form.
	await expect(jozef.getByRole('link', { name: /Bel 112/ })).toBeHidden();
	await jozef.getByRole('radio', { name: 'Ja, nu' }).check();
	await expect(jozef.getByRole('link', { name: /Bel 112/ })).toBeVisible();
	await expect(jozef.getByRole('link', { name: /Bel 1712/ })).toHaveAttribute('href', 'tel:1712');
	await expectAccessible(jozef);

	await jozef.getByRole('radio', { name: 'Over een persoon' }).check();
	await jozef.getByLabel('Wat wil je doorgeven?').fill(body);
	// The consent question must be answered for a signal about a person.
	await jozef.getByRole('button', { name: 'Doorgeven' }).click();
	await expect(jozef.locator('#consent-error')).toHaveText(
		'Zeg of deze persoon het weet en akkoord is.'
	);
	await expect(jozef.getByLabel('Wat wil je doorgeven?')).toHaveValue(body);
	await jozef.getByRole('radio', { name: 'Ja, die weet het en is akkoord' }).check();
	await jozef.getByLabel('Over wie of wat (kort)').fill('Mevrouw Claes, nummer 12');
	const since = Date.now();
	await jozef.getByRole('button', { name: 'Doorgeven' }).click();
	await expect(jozef.getByRole('status')).toHaveText(/Bedankt/);
	const mine = jozef.getByRole('listitem').filter({ hasText: 'Mevrouw Claes, nummer 12' }).first();
	await expect(mine).toContainText('Dringend');
	const href = (await mine.getByRole('link').getAttribute('href'))!;
	const id = href.split('/').at(-1)!;

	// The broker: the mail says only that something urgent came in; Today shows it first.
	const urgentMail = await waitForMail(DEMO.broker, { subject: /Dringend signaal/, after: since });
	expect(urgentMail.text).not.toContain(run);
	expect(linkIn(urgentMail, /^\/broker\/signals\/\d+$/)).toContain(`/broker/signals/${id}`);
	const context = await browser.newContext({ baseURL, locale: 'nl-BE' });
	const an = await context.newPage();
	await signInAs(an, 'broker');
	await an.goto('/broker/today');
	const urgent = an.getByRole('region', { name: /Dringend/ });
	await expect(urgent).toBeVisible();
	// It comes before the day's counts and tasks.
	const top = await urgent.boundingBox();
	const tasks = await an.getByRole('heading', { name: /Taken/ }).boundingBox();
	expect(top!.y).toBeLessThan(tasks!.y);
	await urgent.locator(`a[href="/broker/signals/${id}"]`).click();
	await expect(an.getByRole('heading', { level: 1, name: 'Signaal' })).toBeVisible();
	await expect(an.getByText(body)).toBeVisible();
	await expectAccessible(an);

	// Linked to the resident it is about, found by name.
	await an.getByLabel('Naam, e-mail, telefoon of straat').fill('Maria Janssens');
	await an.getByRole('button', { name: 'Zoeken' }).click();
	await an.getByRole('button', { name: 'Koppel aan Maria Janssens' }).click();
	await expect(an.getByText('Gekoppeld aan:')).toBeVisible();
	await expect(an.getByRole('link', { name: 'Maria Janssens' })).toBeVisible();

	// An empty answer is refused beside the field; a real one is sent.
	await an.getByRole('button', { name: 'Antwoord sturen' }).click();
	await expect(an.getByLabel('Antwoord aan de vrijwilliger')).toHaveAccessibleDescription(
		/Schrijf een antwoord\./
	);
	const answered = Date.now();
	await an
		.getByLabel('Antwoord aan de vrijwilliger')
		.fill(`Opgepakt, we gaan vandaag nog langs. ${run}`);
	await an.getByRole('button', { name: 'Antwoord sturen' }).click();
	await expect(an.getByRole('status')).toHaveText('Het antwoord is verstuurd.');
	await context.close();

	const told = await waitForMail(DEMO.helper, {
		subject: /Antwoord op je signaal/,
		after: answered
	});
	expect(told.text).not.toContain(run);
	await jozef.goto(new URL(linkIn(told, /^\/signals\/\d+$/)).pathname);
	await expect(jozef.getByRole('heading', { level: 1, name: 'Je signaal' })).toBeVisible();
	await expect(jozef.getByText(`Opgepakt, we gaan vandaag nog langs. ${run}`)).toBeVisible();
	// Never whom the broker linked it to.
	await expect(jozef.getByRole('main')).not.toContainText('Maria Janssens');
	await expectAccessible(jozef);
});

test('without consent it is a question for advice; a broker writes down a signal heard on the phone', async ({
	asHelper: jozef,
	browser,
	baseURL,
	signInAs
}) => {
	const run = Date.now().toString(36);
	await jozef.goto('/signals/new');
	await jozef.getByRole('radio', { name: 'Over een persoon' }).check();
	await jozef.getByRole('radio', { name: 'Nee' }).nth(1).check();
	await expect(jozef.getByText(/leest .* als een vraag om raad/)).toBeVisible();
	// No name is asked for.
	await expect(jozef.getByLabel('Over wie of wat (kort)')).toBeHidden();
	await jozef.getByLabel('Wat wil je doorgeven?').fill(`Mijn buurvrouw lijkt verward ${run}`);
	await jozef.getByRole('button', { name: 'Doorgeven' }).click();
	await expect(jozef.getByRole('status')).toHaveText(/Bedankt/);

	const context = await browser.newContext({ baseURL, locale: 'nl-BE' });
	const an = await context.newPage();
	await signInAs(an, 'broker');
	await an.goto('/broker/signals');
	const advice = an.getByRole('listitem').filter({ hasText: run });
	await expect(advice).toContainText('Vraag om raad (zonder naam)');
	await advice.getByRole('link').first().click();
	await expect(
		an.getByText('Zonder akkoord van de persoon koppel je dit signaal niet aan een dossier.')
	).toBeVisible();

	// Jozef calls instead of typing: An writes it down in his name.
	await an.goto('/broker/signals');
	await an.getByRole('link', { name: 'Signaal opschrijven dat je aan de telefoon hoorde' }).click();
	await an.getByLabel('Wie belde? Naam, e-mail of telefoon').fill('Jozef Peeters');
	await an.getByRole('button', { name: 'Zoeken' }).click();
	await an.getByRole('radio', { name: /Jozef Peeters/ }).check();
	await an.getByRole('radio', { name: 'Over een dienst of organisatie' }).check();
	await an
		.getByLabel('Wat wil je doorgeven?')
		.fill(`De bus naar het dienstencentrum rijdt niet meer ${run}`);
	await expectAccessible(an);
	await an.getByRole('button', { name: 'Signaal bewaren' }).click();
	await expect(an.getByText('Aan de telefoon opgeschreven door An Verhoeven')).toBeVisible();
	await context.close();

	await jozef.goto('/signals');
	await expect(
		jozef.getByRole('listitem').filter({ hasText: 'opgeschreven door de buurtwerker' }).first()
	).toBeVisible();
});

test('the broker sets the numbers shown in danger; a wrong number is refused beside the field', async ({
	asBroker: an
}) => {
	await an.goto('/broker');
	await an.getByRole('link', { name: 'Nummers bij gevaar' }).first().click();
	await expect(an.getByRole('heading', { level: 1, name: 'Nummers bij gevaar' })).toBeVisible();
	await expect(an.getByLabel('Telefoonnummer').first()).toHaveValue('1712');
	await expectAccessible(an);
	await an.getByLabel('Wie of waarvoor').nth(1).fill('Huisartsenwachtpost');
	await an.getByLabel('Telefoonnummer').nth(1).fill('bel de wachtpost');
	await an.getByRole('button', { name: 'Bewaren' }).click();
	await expect(an.getByLabel('Telefoonnummer').nth(1)).toHaveAccessibleDescription(
		/Vul een telefoonnummer in/
	);
	await expect(an.getByLabel('Wie of waarvoor').nth(1)).toHaveValue('Huisartsenwachtpost');
	await an.getByLabel('Telefoonnummer').nth(1).fill('015 20 20 20');
	await an.getByRole('button', { name: 'Bewaren' }).click();
	await expect(an.getByRole('status')).toHaveText('De nummers zijn bewaard.');
	// Taken away again, so the demo keeps its one number.
	await an.getByLabel('Wie of waarvoor').nth(1).fill('');
	await an.getByLabel('Telefoonnummer').nth(1).fill('');
	await an.getByRole('button', { name: 'Bewaren' }).click();
	await expect(an.getByRole('status')).toHaveText('De nummers zijn bewaard.');
	await expect(an.getByLabel('Telefoonnummer').nth(1)).toHaveValue('');
});
