import type { Browser, Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test, uniqueEmail } from '../fixtures';
import { advanceClock, serverNow } from '../clock';
import { brusselsDate, shift } from '../dates';
import { signIn, signUpAndVerify } from '../pages/auth';
import { fillIntake } from '../pages/broker';
import { fillDate } from '../pages/forms';
import { linkIn, waitForMail } from '../smtp';

const HOUR = 3_600_000;

/** A browser of one's own for one person, signed in through the form. */
async function personAt(browser: Browser, email: string, password: string): Promise<Page> {
	const context = await browser.newContext({
		locale: 'nl-BE',
		extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${1 + Math.floor(Math.random() * 254)}` }
	});
	const page = await context.newPage();
	await signIn(page, email, password);
	return page;
}

/** The hour in Brussels of an instant (0–23). */
const brusselsHour = (at: number) =>
	Number(
		new Intl.DateTimeFormat('en-GB', {
			timeZone: 'Europe/Brussels',
			hour: '2-digit',
			hourCycle: 'h23'
		}).format(at)
	);

/** The instant of a local date and time in Brussels (the offset read from the zone itself). */
function brusselsInstant(date: string, time: string): number {
	const guess = Date.parse(`${date}T${time}:00Z`);
	const shown = new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Brussels',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).format(guess);
	const [d, t] = shown.split(', ') as [string, string];
	return guess - (Date.parse(`${d}T${t}:00Z`) - guess);
}

/**
 * Issue 22: a carer starts a circle for her father, invites two neighbours (one by a printed
 * code, one by mail), they take moments, one stays open and goes on the open list at the set
 * time, and a neighbour from outside takes it, seeing that moment only. Then check-in calls: not
 * reached twice, the contact person is told at once and the broker's Today shows it on top.
 * Nothing of the circle is on any public page or in the map's JSON.
 */
test('a carer’s circle for her father: invitations, a shared plan, an open moment, and check-in calls', async ({
	page,
	browser,
	playwright
}) => {
	test.setTimeout(300_000);
	const run = Date.now().toString(36);
	const password = 'samen zorgen voor papa';
	const lieve = { name: `Lieve ${run}`, email: uniqueEmail('lieve'), password };
	const rita = { name: `Rita ${run}`, email: uniqueEmail('rita'), password };
	const father = `Albert ${run}`;
	const shopping = `Boodschappen ${run}`;
	const bins = `Vuilnisbak buiten ${run}`;
	const secret = `Papa eet graag soep op zondag ${run}`;
	await signUpAndVerify(page, lieve);
	await signUpAndVerify(page, rita);

	// An registers Albert on the phone and links his daughter Lieve as his carer.
	const an = await personAt(browser, DEMO.broker, DEMO_PASSWORD);
	await an.goto('/broker/intake');
	await fillIntake(an, {
		name: father,
		phone: '03 999 88 11',
		street: 'Kanonnierstraat',
		house: '4'
	});
	await an.getByRole('button', { name: 'Inschrijven' }).click();
	await expect(an.getByRole('heading', { name: father, level: 1 })).toBeVisible();
	const fatherId = an.url().split('/').pop()!;
	await an.getByLabel('E-mailadres van de mantelzorger').fill(lieve.email);
	await an.getByLabel('De bewoner gaf toestemming.').check();
	await an.getByRole('button', { name: 'Koppelen' }).click();
	await expect(an.getByText('Gekoppeld.')).toBeVisible();

	// Lieve starts the circle around her father.
	await signIn(page, lieve.email, password);
	await page.goto('/circles');
	await expectAccessible(page);
	await page.getByRole('radio', { name: father }).check();
	await page.getByRole('button', { name: 'Kring starten' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Kring rond Albert' })).toBeVisible();
	const circleUrl = page.url();
	const circleId = circleUrl.split('/').pop()!;

	// His consent: an untaken moment goes on the open list two days before.
	await page.getByRole('link', { name: 'Wat de kring mag' }).click();
	await page.getByRole('radio', { name: /Het komt op de open lijst/ }).check();
	await page.getByLabel('Hoe lang op voorhand?').selectOption({ label: '48 uur ervoor' });
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page).toHaveURL(circleUrl + '?saved=1');

	// The plan: shopping every week, the bins once.
	const now = await serverNow(page.request);
	const day0 = brusselsDate(now);
	const addTask = async (title: string, weekly: boolean, date: string, time: string) => {
		await page.goto(`${circleUrl}/plan`);
		await page.getByLabel('Wat moet er gebeuren?').fill(title);
		await page
			.getByRole('radio', { name: weekly ? 'Elke week op dezelfde dag' : 'Eén keer' })
			.check();
		await fillDate(page, 'Op welke dag (de eerste keer)?', date);
		await page.getByLabel('Hoe laat?').fill(time);
		await page.getByRole('button', { name: 'Taak toevoegen' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Kring rond Albert' })).toBeVisible();
	};
	await page.goto(`${circleUrl}/plan`);
	// A mistake keeps what was typed and says what is wrong beside the field.
	await page.getByLabel('Wat moet er gebeuren?').fill(shopping);
	await page.getByLabel('Hoe laat?').fill('25:00');
	await page.getByRole('button', { name: 'Taak toevoegen' }).click();
	await expect(page.getByText('Schrijf de tijd als 09:30.').first()).toBeVisible();
	await expect(page.getByLabel('Wat moet er gebeuren?')).toHaveValue(shopping);
	await expectAccessible(page);
	await addTask(shopping, true, shift(day0, 2), '10:00');
	await addTask(bins, false, shift(day0, 3), '19:00');
	await expect(
		page.getByRole('status').filter({ hasText: 'Nog 3 momenten zonder iemand.' })
	).toBeVisible();

	// Two neighbours: Jozef by a code on paper, Rita by mail.
	await page.getByRole('link', { name: 'Wie zit in de kring' }).click();
	await page.getByLabel('Naam', { exact: true }).fill('Jozef van hiernaast');
	await page.getByRole('radio', { name: 'Een code op papier (zonder e-mail)' }).check();
	await page.getByRole('button', { name: 'Uitnodigen' }).click();
	const code = (await page.getByTestId('invitation-code').textContent())!.trim();
	expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
	await expectAccessible(page);
	const mailSince = Date.now();
	await page.getByLabel('Naam', { exact: true }).fill('Rita');
	await page.getByRole('radio', { name: 'Per mail' }).check();
	await page.getByLabel('E-mailadres').fill(rita.email);
	await page.getByRole('button', { name: 'Uitnodigen' }).click();
	await expect(page.getByText('De uitnodiging voor Rita is verstuurd.')).toBeVisible();

	const jozef = await personAt(browser, DEMO.helper, DEMO_PASSWORD);
	await jozef.goto('/circles/join');
	await expectAccessible(jozef);
	await jozef.getByLabel('Code').fill(code.toLowerCase().replace('-', ' '));
	await jozef.getByRole('button', { name: 'Lid worden' }).click();
	await expect(jozef.getByRole('heading', { level: 1, name: 'Kring rond Albert' })).toBeVisible();
	await jozef
		.getByRole('button', { name: `Ik doe "${shopping}"` })
		.first()
		.click();
	await expect(jozef.getByText('Genoteerd: dit moment is van jou.')).toBeVisible();
	await expectAccessible(jozef);

	// Rita follows the link in her mail, signs in, and joins.
	const invitation = await waitForMail(rita.email, {
		subject: /nodigt je uit in de zorgkring/,
		after: mailSince
	});
	const ritaContext = await browser.newContext({ locale: 'nl-BE' });
	const ritaPage = await ritaContext.newPage();
	await ritaPage.goto(linkIn(invitation, /^\/circles\/join$/));
	await ritaPage.getByLabel('E-mailadres').fill(rita.email);
	await ritaPage.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await ritaPage.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(ritaPage.getByLabel('Code')).toHaveValue(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
	await ritaPage.getByRole('button', { name: 'Lid worden' }).click();
	await ritaPage
		.getByRole('button', { name: `Ik doe "${shopping}"` })
		.first()
		.click();
	await expect(ritaPage.getByText('Genoteerd: dit moment is van jou.')).toBeVisible();

	// Lieve sees at a glance that only the bins have nobody, and writes on the board.
	await page.goto(circleUrl);
	await expect(
		page.getByRole('status').filter({ hasText: 'Nog 1 moment zonder iemand.' })
	).toBeVisible();
	await expect(page.locator('[data-slot]').filter({ hasText: bins })).toContainText('Nog niemand');
	await page.getByLabel('Je bericht').fill(secret);
	await page.getByRole('button', { name: 'Bericht plaatsen' }).click();
	await expect(page.getByText(secret)).toBeVisible();
	await expectAccessible(page);

	// Closed: Maria, who is not in it, cannot open it; nothing of it is public or in the map's data.
	const maria = await personAt(browser, DEMO.resident, DEMO_PASSWORD);
	expect((await maria.goto(circleUrl))?.status()).toBe(404);
	const outsider = await playwright.request.newContext({ baseURL: new URL(circleUrl).origin });
	const isPrivate = async () => {
		for (const path of ['/', '/tools', '/badges', '/help-nearby', `/circles/${circleId}`]) {
			const html = await (await outsider.get(path)).text();
			for (const text of [shopping, secret]) expect(html, path).not.toContain(text);
		}
		for (const zoom of [14, 18]) {
			const json = await (
				await maria.request.get(`/api/markers?bbox=4.40,50.95,4.60,51.10&zoom=${zoom}`)
			).text();
			for (const text of [shopping, secret]) expect(json).not.toContain(text);
		}
		const list = await (await maria.request.get('/posts?kind=request&sort=newest')).text();
		for (const text of [shopping, secret]) expect(list).not.toContain(text);
	};
	await isPrivate();

	// Two days before the bins nobody took them: they go on the open list as a request.
	const binsAt = brusselsInstant(shift(day0, 3), '19:00');
	await advanceClock(page.request, {
		hours: (binsAt - 47 * HOUR - (await serverNow(page.request))) / HOUR
	});
	await maria.goto('/posts?kind=request&sort=newest');
	await maria.getByRole('link', { name: bins }).first().click();
	await expect(maria.getByText('Dit is een moment uit iemands zorgkring')).toBeVisible();
	await expectAccessible(maria);
	await maria.getByRole('button', { name: 'Ik doe het' }).click();
	await expect(maria.getByRole('status')).toContainText('Dit moment is nu van jou');
	await expect(maria.getByRole('heading', { level: 1, name: bins })).toBeVisible();
	// She sees this moment only.
	for (const text of [shopping, secret, 'Wie zit in de kring'])
		await expect(maria.getByRole('main')).not.toContainText(text);
	await expectAccessible(maria);
	await isPrivate();
	await waitForMail(lieve.email, { subject: new RegExp(`Maria doet .${bins}`) });
	await page.goto(circleUrl);
	await expect(page.locator('[data-slot]').filter({ hasText: bins })).toContainText(
		'Maria, een buur van buiten de kring'
	);

	// Check-in calls: every day, at the next full hour; Jozef calls, Lieve is the contact person.
	await page.getByRole('link', { name: 'Belrondes' }).click();
	const days = page.getByRole('group', { name: 'Op welke dagen?' });
	for (const day of ['dinsdag', 'donderdag', 'zaterdag', 'zondag'])
		await days.getByRole('checkbox', { name: day }).check();
	const callHour = (brusselsHour(await serverNow(page.request)) + 1) % 24;
	await page.getByLabel('Hoe laat belt de beller?').fill(`${String(callHour).padStart(2, '0')}:00`);
	await page.getByLabel('Wie belt?').selectOption({ label: 'Jozef Peeters' });
	await page.getByLabel('Contactpersoon').selectOption({ label: lieve.name });
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Belronde opslaan' }).click();
	await expect(page.getByText('Belt: Jozef Peeters')).toBeVisible();

	await jozef.goto('/check-ins');
	const call = jozef
		.locator('[data-call]')
		.filter({ hasText: `Bellen naar ${father}` })
		.first();
	await call.getByRole('radio', { name: 'Niet bereikt' }).check();
	await call.getByRole('button', { name: `Gesprek met ${father} noteren` }).click();
	await expect(jozef.getByRole('status')).toContainText('Probeer opnieuw om');
	await expectAccessible(jozef);
	const alertSince = Date.now();
	await advanceClock(page.request, { hours: 0.6 });
	await jozef.reload();
	const again = jozef
		.locator('[data-call]')
		.filter({ hasText: `Bellen naar ${father}` })
		.first();
	await expect(again).toContainText('Niet bereikt. Probeer opnieuw om');
	await again.getByRole('radio', { name: 'Niet bereikt' }).check();
	await again.getByRole('button', { name: `Gesprek met ${father} noteren` }).click();
	await expect(jozef.getByRole('status')).toContainText(
		'De contactpersoon en de buurtwerker krijgen nu meteen bericht'
	);

	// Lieve is told at once; on An's Today it is at the top, marked urgent.
	const alert = await waitForMail(lieve.email, {
		subject: new RegExp(`Dringend: niemand nam op bij ${father}`),
		after: alertSince
	});
	expect(alert.text).toContain('twee keer niet op');
	await an.goto('/broker/today');
	const urgent = an.getByRole('region', { name: /belrondes? (vraagt|vragen) je nu/ });
	await expect(urgent.getByRole('link', { name: new RegExp(father) })).toBeVisible();
	await expect(an.locator('#tasks + ul > li').first()).toContainText('Dringend');
	await expectAccessible(an);
	// The link at the top leads to Albert's task (the demo's calls to Gilbert may be urgent too).
	const toTask = urgent.getByRole('link', { name: new RegExp(father) }).first();
	const taskAnchor = (await toTask.getAttribute('href'))!;
	await toTask.click();
	await expect(an).toHaveURL(new RegExp(`${taskAnchor}$`));
	await an.locator(taskAnchor).getByRole('link', { name: 'Naar de belronde' }).click();
	await expect(
		an.getByRole('heading', { level: 1, name: `Belronde voor ${father}` })
	).toBeVisible();
	await expect(an.getByRole('table')).toContainText('alarm gegeven');
	await expectAccessible(an);

	// The broker sees that the circle exists and its open moments, not its messages.
	await an.goto('/broker/circles');
	await expectAccessible(an);
	await an.getByRole('link', { name: father }).click();
	await expect(an.getByText('De berichten zijn privé')).toBeVisible();
	await expect(an.getByRole('main')).not.toContainText(secret);
	await expectAccessible(an);
	const brokersView = an.url();

	// With the centre's consent (given by his carer) the broker may read the board.
	await page.goto(`${circleUrl}/settings`);
	await page.getByLabel('De buurtwerker mag de berichten van de kring lezen').check();
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page).toHaveURL(circleUrl + '?saved=1');
	await an.goto(brokersView);
	await expect(an.getByText(secret)).toBeVisible();

	// Lieve hands the plan on to Rita, who is told.
	const handSince = Date.now();
	await page.goto(`${circleUrl}/members`);
	await page.getByRole('button', { name: `${rita.name} houdt voortaan het plan bij` }).click();
	await expect(page.getByText('Opgeslagen.')).toBeVisible();
	await expect(
		page.getByRole('main').getByRole('listitem').filter({ hasText: rita.name })
	).toContainText('houdt het plan bij');
	await waitForMail(rita.email, { subject: /Jij houdt nu het plan bij/, after: handSince });

	// The reports count check-in calls and the circles' moments (small counts hidden).
	await an.goto('/broker/reports');
	await expect(an.getByRole('region', { name: 'Belrondes en zorgkringen' })).toBeVisible();
	await an.goto('/broker/check-ins');
	await expectAccessible(an);
	await an.goto(`/broker/circles/new?resident=${fatherId}`);
	await expectAccessible(an);
	await page.goto('/check-ins');
	await expect(page.getByRole('heading', { name: 'Je bent contactpersoon voor' })).toBeVisible();
	await expectAccessible(page);
	// Rita reads the circle in Arabic: right to left, names set apart, nothing inaccessible.
	await ritaPage.goto(
		`/language?locale=ar&redirectTo=${encodeURIComponent(new URL(circleUrl).pathname)}`
	);
	await expect(ritaPage.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(ritaPage.getByRole('heading', { level: 1 })).toContainText('الدائرة حول');
	await expect(ritaPage.getByText(secret)).toBeVisible();
	await expectAccessible(ritaPage);

	// The next day Jozef forgets to write the call down: Lieve is alarmed after the grace time.
	// He writes it down later (he did reach Albert): Lieve hears at once that all is well.
	const forgotSince = Date.now();
	await advanceClock(page.request, { hours: 26 });
	await waitForMail(lieve.email, {
		subject: new RegExp(`Dringend: niemand nam op bij ${father}`),
		after: forgotSince
	});
	await jozef.goto('/check-ins');
	const late = jozef
		.locator('[data-call]')
		.filter({ hasText: `Bellen naar ${father}` })
		.first();
	await expect(late).toContainText('De contactpersoon en de buurtwerker zijn verwittigd.');
	await late.getByRole('radio', { name: 'Bereikt, alles goed' }).check();
	await late.getByRole('button', { name: `Gesprek met ${father} noteren` }).click();
	await expect(jozef.getByRole('status')).toContainText(
		'De contactpersoon krijgt nu bericht dat alles goed is.'
	);
	const clear = await waitForMail(lieve.email, {
		subject: new RegExp(`Toch bereikt: ${father}`),
		after: forgotSince
	});
	expect(clear.text).toContain(`Jozef heeft ${father} gesproken`);
	await outsider.dispose();
	await ritaContext.close();
});
