import { expect, expectAccessible, test } from '../fixtures';
import { advanceClock, advanceToMorning, waitUntilMailsAboutSent } from '../clock';
import { brusselsDate, shift } from '../dates';
import { fillDate } from '../pages/forms';
import { readMails, waitForMail } from '../smtp';

const SOFIE = 'sofie@naburig.example';
const JOZEF = 'jozef@naburig.example';

test('a training: planned, one signs up online and one by phone, reminded the day before, attendance gives the badge', async ({
	page,
	browser,
	baseURL,
	signInAs
}) => {
	const name = `EHBO ${Date.now().toString(36)}`;
	// 10:00 in Brussels; the training is the day after tomorrow, 14:00 to 16:00.
	const morning = await advanceToMorning(page.request);
	const day = shift(brusselsDate(morning), 2);

	// An plans it.
	await signInAs(page, 'broker');
	await page.goto('/broker/gatherings');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Een bijeenkomst plannen' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Een bijeenkomst plannen' })
	).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('combobox', { name: 'Buurt', exact: true }).selectOption({ index: 1 });
	await page.getByRole('radio', { name: 'Opleiding' }).check();
	// Without a name, the form says so beside the field and keeps the rest.
	await page.getByLabel('Plaats', { exact: true }).fill('Buurthuis De Linde');
	await fillDate(page, 'Datum', day);
	await page.getByLabel('Begint om (uu:mm)').fill('14:00');
	await page.getByLabel('Eindigt om (uu:mm)').fill('16:00');
	await page.getByRole('radio', { name: 'Voor vrijwilligers' }).check();
	await page.getByLabel('Aantal plaatsen').fill('10');
	await page.getByLabel('Opfrissing na (maanden)').fill('12');
	await page.getByRole('button', { name: 'Plannen' }).click();
	await expect(page.getByRole('alert', { name: 'Er is een probleem' })).toBeVisible();
	await expect(page.getByLabel('Naam', { exact: true })).toHaveAccessibleDescription(
		/Vul dit in\./
	);
	await expect(page.getByLabel('Plaats', { exact: true })).toHaveValue('Buurthuis De Linde');
	await page.getByLabel('Naam', { exact: true }).fill(name);
	await page.getByRole('button', { name: 'Plannen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Opleiding: ${name}` })).toBeVisible();
	const detail = page.url();
	await expectAccessible(page);
	// Two more places after all.
	await page.getByRole('link', { name: 'Wijzigen' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Een bijeenkomst wijzigen' })
	).toBeVisible();
	await expect(page.getByLabel('Naam', { exact: true })).toHaveValue(name);
	await expectAccessible(page);
	await page.getByLabel('Aantal plaatsen').fill('12');
	await page.getByRole('button', { name: 'Wijzigingen bewaren' }).click();
	await expect(page).toHaveURL(detail);

	// Jozef signs up himself.
	const jozefContext = await browser.newContext({ baseURL, locale: 'nl-BE' });
	const jozef = await jozefContext.newPage();
	await signInAs(jozef, 'helper');
	await jozef.goto('/gatherings');
	await expectAccessible(jozef);
	const card = jozef.getByRole('listitem').filter({ hasText: name });
	await expect(card).toContainText('Plaatsen vrij: 12');
	await card.getByRole('button', { name: 'Inschrijven' }).click();
	await expect(card.getByRole('status')).toHaveText('Je bent ingeschreven.');
	await expect(card).toContainText('Plaatsen vrij: 11');
	await card.getByRole('link', { name: `Meer over Opleiding: ${name}` }).click();
	await expect(jozef.getByRole('heading', { level: 1, name: `Opleiding: ${name}` })).toBeVisible();
	await expect(jozef.getByRole('button', { name: 'Uitschrijven' })).toBeVisible();
	await expectAccessible(jozef);
	await jozefContext.close();

	// An signs Sofie up on the phone.
	await page.goto(detail);
	await page.getByLabel('Wie', { exact: true }).selectOption({ label: 'Sofie Maes' });
	await page.getByRole('button', { name: 'Inschrijven' }).click();
	await expect(page.getByText('Sofie Maes is ingeschreven.')).toBeVisible();
	await page.reload();
	const people = page.getByRole('list').filter({ hasText: 'Sofie Maes' });
	await expect(people).toContainText('Jozef Peeters: Ingeschreven (zelf, online)');
	await expect(people).toContainText(
		'Sofie Maes: Ingeschreven (door de buurtwerker, aan de telefoon)'
	);

	// Nothing yet two days ahead; the day before, at 10:00, each gets one reminder.
	const since = Date.now();
	await waitUntilMailsAboutSent(name);
	expect(readMails().filter((m) => m.receivedAt >= since && m.text.includes(name))).toEqual([]);
	await advanceClock(page.request, { days: 1 });
	for (const to of [JOZEF, SOFIE]) {
		const mail = await waitForMail(to, {
			subject: /^Morgen: Opleiding: /,
			text: name,
			after: since
		});
		expect(mail.text).toContain('Buurthuis De Linde');
		expect(mail.text).toContain('14:00 tot 16:00');
	}
	await advanceClock(page.request, { hours: 1 });
	await waitUntilMailsAboutSent(name);
	expect(
		readMails().filter(
			(m) => m.receivedAt >= since && m.text.includes(name) && m.to.includes(JOZEF)
		)
	).toHaveLength(1);

	// After the training, An ticks who came; the badge is on Jozef's page.
	await advanceClock(page.request, { days: 1, hours: 6 });
	await page.goto(detail);
	await page.getByRole('checkbox', { name: 'Jozef Peeters' }).check();
	await page.getByRole('button', { name: 'Aanwezigheid bewaren' }).click();
	await expect(page.getByText('Bewaard. Aanwezig: 1.')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Jozef Peeters' }).click();
	await expect(page.getByText(name).first()).toBeVisible();
});
