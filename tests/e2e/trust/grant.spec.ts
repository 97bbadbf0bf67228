import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test, uniqueEmail } from '../fixtures';
import { shift, spokenDate, today } from '../dates';
import { signIn, signOut, signUpAndVerify } from '../pages/auth';
import { dateGroup, fillDate } from '../pages/forms';
import { fillPost, sendPost, setStreet } from '../pages/posts';
import { waitForMail } from '../smtp';

const PASSWORD = 'buren helpen buren graag';
const suffix = () => Date.now().toString(36);

/** A local date in Brussels as a date field takes it, `days` days from now (negative: ago). */
const localDay = (days: number) => shift(today(), days);
/** "14 juni 2029": how the page writes a date. */
const dutchDate = (date: string) => spokenDate(date, { withWeekday: false });

test('a broker finds a helper, grants “met in person” and a VOG; the card explains the badges and the note stays with brokers', async ({
	page,
	signInAs
}) => {
	// A whole journey with four people signing in and out.
	test.slow();
	const email = uniqueEmail('vog');
	const name = `Walter Claes ${suffix()}`;
	const intakeNote = `Kennismaking bij hem thuis, identiteitskaart gezien ${suffix()}`;
	const vogNote = `Uittreksel model 2 zonder vermeldingen ${suffix()}`;
	await signUpAndVerify(page, { name, email, password: PASSWORD });
	await signIn(page, email, PASSWORD);
	await setStreet(page, 'Kanonnierstraat', '12');
	await signOut(page);

	// The broker finds him by (part of) his e-mail address.
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto('/broker');
	await page.getByRole('link', { name: 'Bewoners zoeken' }).click();
	await expect(page.getByRole('heading', { name: 'Bewoners', level: 1 })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Zoek een bewoner').fill(email.split('@')[0]!);
	await page.getByRole('button', { name: 'Zoeken' }).click();
	await page.getByRole('link', { name }).click();
	await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
	await expect(page.getByText(email)).toBeVisible();
	await expect(page.getByText('Nog geen labels van de buurtwerker.')).toBeVisible();
	await expectAccessible(page);
	const personUrl = page.url();

	// No kind chosen: the message is beside the field, and what was typed stays.
	const grant = page.getByRole('region', { name: 'Een label geven' });
	const note = grant.getByLabel('Wat heb je nagekeken?');
	await note.fill(intakeNote);
	await grant.getByRole('button', { name: 'Label geven' }).click();
	await expect(grant.getByLabel('Soort label')).toHaveAccessibleDescription(
		/Kies een soort label\./
	);
	await expect(note).toHaveValue(intakeNote);
	await grant.getByLabel('Soort label').selectOption({ label: 'Persoonlijk ontmoet' });
	await grant.getByRole('button', { name: 'Label geven' }).click();
	await expect(page.getByText('Het label is gegeven.')).toBeVisible();
	const current = page.getByRole('region', { name: 'Labels die nu gelden' });
	await expect(current.getByRole('heading', { name: 'Persoonlijk ontmoet' })).toBeVisible();
	await expect(current).toContainText(intakeNote);

	// The certificate: a date in the future and an expired certificate are refused.
	await grant.getByLabel('Soort label').selectOption({ label: 'Bewijs van goed gedrag gezien' });
	const issuedLabel = 'Datum op het bewijs van goed gedrag';
	const issued = dateGroup(grant, issuedLabel);
	await expect(issued).toHaveAccessibleDescription(/vervalt 3 jaar later/);
	await fillDate(grant, issuedLabel, localDay(1));
	await note.fill(vogNote);
	await grant.getByRole('button', { name: 'Label geven' }).click();
	await expect(issued).toHaveAccessibleDescription(/Deze datum ligt in de toekomst/);
	await expect(note).toHaveValue(vogNote);
	await fillDate(grant, issuedLabel, localDay(-4 * 365));
	await grant.getByRole('button', { name: 'Label geven' }).click();
	await expect(issued).toHaveAccessibleDescription(/Dit bewijs is al verlopen/);
	let issuedOn = localDay(-200);
	if (issuedOn.endsWith('-02-29')) issuedOn = localDay(-201);
	await fillDate(grant, issuedLabel, issuedOn);
	await grant.getByRole('button', { name: 'Label geven' }).click();
	await expect(page.getByText('Het label is gegeven.')).toBeVisible();
	const vog = current
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: 'Bewijs van goed gedrag gezien' }) });
	const expires = `${Number(issuedOn.slice(0, 4)) + 3}${issuedOn.slice(4)}`;
	await expect(vog).toContainText(new RegExp(`Geldig tot\\s*${dutchDate(expires)}`));
	await expect(vog).toContainText(new RegExp(`Datum op het bewijs\\s*${dutchDate(issuedOn)}`));
	await expect(vog).toContainText(vogNote);
	await expectAccessible(page);
	await signOut(page);

	// Vetted now, his offer is open at once.
	const title = `Gordijnen ophangen en lampen vervangen ${suffix()}`;
	await signIn(page, email, PASSWORD);
	await page.goto('/posts/new');
	await fillPost(page, {
		kind: 'Ik bied hulp',
		category: 'Kleine klusjes in huis',
		title,
		body: 'Ik heb een ladder en tijd op zaterdag. Ik hang gordijnen op en vervang lampen.'
	});
	await sendPost(page);
	await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
	await expect(page.getByText('Wacht op een controle')).toHaveCount(0);
	await signOut(page);

	// A neighbour sees the badges on his card; each explains itself on a tap.
	await signIn(page, DEMO.resident, DEMO_PASSWORD);
	await page.goto('/posts?sort=newest');
	const card = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('link', { name: title, exact: true }) });
	const badges = card.getByRole('list', { name: `Vertrouwenslabels van wie “${title}” plaatste` });
	await expect(badges).toContainText('Persoonlijk ontmoet');
	await expect(badges).toContainText('Bewijs van goed gedrag gezien');
	await expect(badges).toContainText('E-mailadres bevestigd');
	const explanation = card.getByText(
		'Een buurtwerker had een kennismakingsgesprek met deze persoon.'
	);
	await expect(explanation).toBeHidden();
	await badges.getByText('Persoonlijk ontmoet').click();
	await expect(explanation).toBeVisible();
	await expectAccessible(page);

	// His public profile shows the badges, never what the broker wrote.
	await card.getByRole('link', { name: title }).click();
	await page.getByRole('link', { name: 'Over Walter' }).click();
	await expect(page.getByText('Een buurtwerker had een kennismakingsgesprek')).toBeVisible();
	await expect(page.getByText('Bewijs van goed gedrag gezien', { exact: false })).toBeVisible();
	const html = await page.content();
	expect(html).not.toContain(intakeNote);
	expect(html).not.toContain(vogNote);
	await expectAccessible(page);
	await signOut(page);

	// The broker takes "met in person" back: a reason is needed, and stays confidential.
	await signInAs(page, 'broker');
	await page.goto(personUrl);
	const met = page
		.getByRole('region', { name: 'Labels die nu gelden' })
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: 'Persoonlijk ontmoet' }) });
	const revoke = met.getByRole('button', { name: /^Label intrekken\W+Persoonlijk ontmoet$/ });
	await revoke.click();
	await expect(met.getByLabel('Waarom trek je het label in?')).toHaveAccessibleDescription(
		/Vul dit in\./
	);
	const reason = `Klacht van een bewoonster ${suffix()}`;
	const since = Date.now();
	await met.getByLabel('Waarom trek je het label in?').fill(reason);
	await revoke.click();
	await expect(page.getByText('Het label is ingetrokken.')).toBeVisible();
	const history = page.getByRole('region', { name: 'Ingetrokken en verlopen labels' });
	await expect(history).toContainText('door An Verhoeven');
	await expect(history).toContainText(reason);
	const mail = await waitForMail(email, {
		subject: /Over je label “Persoonlijk ontmoet”/,
		after: since
	});
	expect(mail.text).toContain('De buurtwerker heeft het label “Persoonlijk ontmoet”');
	expect(mail.text).not.toContain(reason);
});

test('a category that needs a badge: the poster and the broker see it missing, and the broker confirms before proposing', async ({
	page,
	signInAs
}) => {
	test.slow();
	// The demo's rule: small jobs in the house need "met in person".
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto('/broker');
	await page
		.getByRole('link', { name: 'Labels per soort hulp in Oud-Oefenplein en Vuurkruisenplein' })
		.click();
	await expectAccessible(page);
	const smallJobs = page.getByRole('group', { name: /Kleine klusjes in huis/ });
	await expect(smallJobs.getByRole('checkbox', { name: 'Persoonlijk ontmoet' })).toBeChecked();
	const garden = page.getByRole('group', { name: /Tuinwerk/ });
	await garden.getByRole('checkbox', { name: 'Referenties nagevraagd' }).check();
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('Opgeslagen.')).toBeVisible();
	await page.reload();
	await expect(garden.getByRole('checkbox', { name: 'Referenties nagevraagd' })).toBeChecked();
	await garden.getByRole('checkbox', { name: 'Referenties nagevraagd' }).uncheck();
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('Opgeslagen.')).toBeVisible();

	// Sofie's certificate expires within the month: Today says so and leads to her page.
	await page.goto('/broker/today');
	const task = page
		.getByRole('listitem')
		.filter({ hasText: 'Sofie Maes: “Bewijs van goed gedrag gezien” verloopt op' });
	await expect(task.getByRole('heading', { name: 'Label verloopt binnenkort' })).toBeVisible();
	await task.getByRole('link', { name: 'Persoonspagina openen' }).click();
	await expect(page.getByRole('heading', { name: 'Sofie Maes', level: 1 })).toBeVisible();
	await expect(page.getByText('Uittreksel van haar vrijwilligerswerk')).toBeVisible();
	await signOut(page);

	// A newcomer who likes small jobs, without a badge yet.
	const email = uniqueEmail('nieuw');
	const name = `Nico Wouters ${suffix()}`;
	await signUpAndVerify(page, { name, email, password: PASSWORD });
	await signIn(page, email, PASSWORD);
	await setStreet(page, 'Exercitiestraat', '4');
	await page.getByRole('checkbox', { name: 'Kleine klusjes in huis' }).check();
	await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.getByRole('button', { name: 'Opslaan' }).click()
	]);
	await page.reload();
	await expect(page.getByRole('checkbox', { name: 'Kleine klusjes in huis' })).toBeChecked();
	await signOut(page);

	// Jozef asks for help in his home; Nico responds.
	const title = `Kast ophangen in de gang ${suffix()}`;
	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await page.goto('/posts/new');
	await fillPost(page, {
		kind: 'Ik zoek hulp',
		category: 'Kleine klusjes in huis',
		title,
		body: 'Een klein kastje moet aan de muur in de gang. De pluggen heb ik al.'
	});
	await sendPost(page);
	await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
	const postUrl = new URL(page.url()).pathname;
	await signOut(page);

	await signIn(page, email, PASSWORD);
	await page.goto(postUrl);
	await page.getByLabel('Je bericht').fill('Ik kan woensdagnamiddag langskomen met een boor.');
	await page.getByRole('button', { name: 'Ik kan helpen' }).click();
	await expect(page.getByText('Je reactie is verstuurd.')).toBeVisible();
	await signOut(page);

	// Jozef sees, on Nico's response, that the badge is missing.
	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await page.goto(postUrl);
	const response = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: 'Van Nico' }) });
	await expect(response).toContainText(
		'Voor deze soort hulp vraagt de buurt: Persoonlijk ontmoet. Nico heeft dat label nog niet.'
	);
	await expect(response.getByRole('list', { name: 'Vertrouwenslabels van Nico' })).toContainText(
		'E-mailadres bevestigd'
	);
	await expectAccessible(page);
	await signOut(page);

	// The broker sees it too, and must confirm before proposing him.
	await signInAs(page, 'broker');
	await page.goto(`/broker${postUrl}/suggestions`);
	const nico = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
	await expect(nico).toContainText('Ontbreekt voor deze soort hulp: Persoonlijk ontmoet.');
	await expect(nico).toContainText('Mist een label dat de buurt vraagt voor deze hulp');
	await expectAccessible(page);
	const confirm = nico.getByLabel(`Ik weet dat ${name} dit label mist en stel toch voor.`);
	await nico.getByRole('button', { name: `Stel ${name} voor` }).click();
	await expect(confirm).toHaveAccessibleDescription(/Vink eerst aan dat je weet/);
	await confirm.check();
	await nico.getByRole('button', { name: `Stel ${name} voor` }).click();
	await expect(page.getByRole('status')).toContainText('Voorstel verstuurd.');
	await expect(page.getByText(`${name}: wacht op antwoord`)).toBeVisible();
});

test('residents cannot open the brokers’ resident pages, rules, or grant a badge', async ({
	asResident: page,
	baseURL
}) => {
	// Offers only: other tests place many new requests, which would push it off the first page.
	await page.goto('/posts?kind=offer&sort=newest');
	await page.getByRole('link', { name: 'Lampen, stopcontacten en kleine klusjes' }).click();
	const profile = await page.getByRole('link', { name: 'Over Jozef' }).getAttribute('href');
	const jozef = profile!.split('/').pop()!;
	expect((await page.goto('/broker/residents'))?.status()).toBe(403);
	expect((await page.goto(`/broker/residents/${jozef}`))?.status()).toBe(403);
	expect((await page.goto('/broker/neighbourhoods/1/badge-rules'))?.status()).toBe(403);
	// The action checks too, not only the page.
	const grant = await page.request.post(`/broker/residents/${jozef}?/grant`, {
		headers: { origin: baseURL! },
		form: { kind: 'met_in_person', checkedOn: '2026-01-05', note: 'Zelf toegekend' }
	});
	expect(grant.status()).toBe(403);
});
