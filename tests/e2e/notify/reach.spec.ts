import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { SITE_DATABASE } from '../commands';
import { DEMO_PASSWORD, expect, expectAccessible, test } from '../fixtures';
import { signIn } from '../pages/auth';
import { fillIntake } from '../pages/broker';

/**
 * How we reach a person (issue 18): the person's own choices and quiet hours, the broker's for
 * someone on the phone, and what the broker sees of the channel that reached someone last.
 * A phone is confirmed by an SMS code on /account/phone; here the test's database set-up marks
 * it confirmed, as that page would.
 */

const FATIMA = 'fatima@naburig.example';
const AYSE = 'ayse@naburig.example';

function withDatabase<T>(work: (db: Database.Database) => T): T {
	const db = new Database(SITE_DATABASE);
	db.pragma('busy_timeout = 5000');
	try {
		return work(db);
	} finally {
		db.close();
	}
}

/** Marks a person's phone confirmed (or not) and forgets their choices: the default again. */
function resetReach(where: string, value: string, phoneVerifiedAt: number | null) {
	withDatabase((db) => {
		const id = (db.prepare(`select id from users where ${where} = ?`).get(value) as { id: string })
			.id;
		db.prepare(
			'update users set phone_verified_at = ?, sms_stopped_at = null, quiet_from_minute = 1260, quiet_until_minute = 480 where id = ?'
		).run(phoneVerifiedAt, id);
		db.prepare('delete from channel_preferences where user_id = ?').run(id);
	});
}

const topic = (page: import('@playwright/test').Page, name: string) =>
	page.getByRole('group', { name });

test.describe('how we reach a resident', () => {
	// Other tests mail these residents: they get their defaults back afterwards.
	test.afterAll(() => {
		resetReach('email', FATIMA, null);
		resetReach('email', AYSE, null);
	});

	test('a resident with a confirmed phone chooses SMS for follow-ups and quiet hours, and finds them again', async ({
		page
	}) => {
		resetReach('email', FATIMA, Date.now());
		await signIn(page, FATIMA, DEMO_PASSWORD);
		await page.goto('/account');
		await page.getByRole('link', { name: 'Hoe we je bereiken en rustige uren' }).click();
		await expect(page.getByRole('heading', { name: 'Hoe we je bereiken', level: 1 })).toBeVisible();
		await expect(page.getByText('Berichten over je account')).toContainText('altijd per e-mail');
		await expect(page.getByRole('link', { name: 'Je afspraken in je agenda' })).toHaveAttribute(
			'href',
			'/account/calendar'
		);
		const followUps = topic(page, 'De vraag hoe de hulp ging');
		// Until she chooses, everything comes by e-mail, quiet from 21:00 to 08:00.
		await expect(followUps.getByRole('radio', { name: 'E-mail' })).toBeChecked();
		await expect(page.getByLabel('Geen berichten vanaf')).toHaveValue('21:00');
		await expectAccessible(page);

		await followUps.getByRole('radio', { name: 'Sms' }).check();
		await page.getByLabel('Geen berichten vanaf').fill('22:00');
		// A time not written as one is refused beside its field, kept as typed, and nothing is saved.
		await page.getByLabel('Tot', { exact: true }).fill('half acht');
		await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
		await expect(page.getByLabel('Tot', { exact: true })).toHaveAccessibleDescription(
			/Schrijf een uur zoals 21:00/
		);
		await expect(page.getByLabel('Tot', { exact: true })).toHaveValue('half acht');
		await page.reload();
		await expect(
			topic(page, 'De vraag hoe de hulp ging').getByRole('radio', { name: 'E-mail' })
		).toBeChecked();

		await topic(page, 'De vraag hoe de hulp ging').getByRole('radio', { name: 'Sms' }).check();
		await page.getByLabel('Geen berichten vanaf').fill('22:00');
		await page.getByLabel('Tot', { exact: true }).fill('7:30');
		await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
		await expect(page.getByText('Bewaard. Zo bereiken we je voortaan.')).toBeVisible();

		await page.reload();
		await expect(
			topic(page, 'De vraag hoe de hulp ging').getByRole('radio', { name: 'Sms' })
		).toBeChecked();
		await expect(
			topic(page, 'Herinneringen, bijvoorbeeld om gereedschap terug te brengen').getByRole(
				'radio',
				{ name: 'E-mail' }
			)
		).toBeChecked();
		await expect(page.getByLabel('Geen berichten vanaf')).toHaveValue('22:00');
		await expect(page.getByLabel('Tot', { exact: true })).toHaveValue('07:30');
	});

	test('a resident without a confirmed phone reads that SMS is not possible yet, and where to confirm it', async ({
		page
	}) => {
		resetReach('email', AYSE, null);
		await signIn(page, AYSE, DEMO_PASSWORD);
		await page.goto('/account/notifications');
		const sms = page.getByRole('listitem').filter({ hasText: 'Sms:' });
		await expect(sms).toContainText('Kan nog niet');
		await expect(
			sms.getByRole('link', { name: 'Bevestig eerst je telefoonnummer' })
		).toHaveAttribute('href', '/account/phone');
		const smsChoice = topic(page, 'Nieuwe vragen in je buurt').getByRole('radio', { name: 'Sms' });
		await expect(smsChoice).toBeDisabled();
		await expect(smsChoice).toHaveAccessibleDescription(/Kan nog niet/);
		await expect(
			page.getByRole('listitem').filter({ hasText: 'Melding op de telefoon:' }).getByRole('link')
		).toHaveAttribute('href', '/account/push');
	});
});

test('a broker sets how someone registered by phone is reached, and Today says what reached them last', async ({
	asBroker: page
}) => {
	test.setTimeout(120_000);
	const name = `Bertha ${Date.now().toString(36)}`;
	await page.goto('/broker/intake');
	await fillIntake(page, {
		name,
		phone: '0470 98 76 54',
		street: 'Kazernestraat',
		house: '12',
		contactBy: 'Telefoon'
	});
	await page.getByRole('button', { name: 'Inschrijven' }).click();
	await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
	const id = new URL(page.url()).pathname.split('/').at(-1)!;
	// Her phone was confirmed; an SMS reached her on 3 March; a call for her waits on Today.
	withDatabase((db) => {
		db.prepare('update users set phone_verified_at = ? where id = ?').run(Date.now(), id);
		db.prepare(
			`insert into outbox (message_id, to_address, user_id, kind, locale, subject, text_body,
				html_body, short_text, status, next_attempt_at, created_at, sent_at, channel, delivered_via)
			 values (?, '+32470987654', ?, 'test', 'nl', 'Hallo', 'Hallo', '', 'Hallo', 'sent', ?, ?, ?,
			   'sms', 'test')`
		).run(`<${id}@e2e>`, id, ...Array(3).fill(Date.UTC(2026, 2, 3, 10)));
		db.prepare(
			`insert into tasks (neighbourhood_id, kind, subject_user_id, details, created_at, due_at)
			 select neighbourhood_id, 'call_resident', id, ?, ?, ? from users where id = ?`
		).run(
			JSON.stringify({ mailKind: 'test', subject: `Bel ${name} even`, text: 'Hoe gaat het?' }),
			Date.now(),
			Date.now(),
			id
		);
	});

	await page.goto(`/broker/residents/${id}`);
	await expect(page.getByText('Laatst bereikt per sms, 3 maart 2026')).toBeVisible();
	await page.getByRole('link', { name: 'Hoe we deze persoon bereiken' }).click();
	await expect(
		page.getByRole('heading', { name: `Hoe we ${name} bereiken`, level: 1 })
	).toBeVisible();
	const reminders = topic(page, 'Herinneringen, bijvoorbeeld om gereedschap terug te brengen');
	// No e-mail address: e-mail cannot be chosen; her confirmed phone can.
	await expect(reminders.getByRole('radio', { name: 'E-mail' })).toBeDisabled();
	await expect(reminders.getByRole('radio', { name: 'Sms' })).toBeChecked();
	await expectAccessible(page);
	await page.getByLabel('Geen berichten vanaf').fill('20:00');
	await page.getByLabel('Tot', { exact: true }).fill('09:30');
	await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
	await expect(page.getByText(`Bewaard. Zo bereiken we ${name} voortaan.`)).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Geen berichten vanaf')).toHaveValue('20:00');
	await expect(page.getByLabel('Tot', { exact: true })).toHaveValue('09:30');

	// The change is in the audit log, as the broker's.
	await page.goto('/broker/audit');
	await expect(
		page.getByRole('row').filter({ hasText: 'Koos hoe we een bewoner bereiken' }).first()
	).toContainText('An Verhoeven');

	await page.goto('/broker/today');
	const task = page.getByRole('listitem').filter({ hasText: `Bel ${name} even` });
	await expect(task).toContainText('Laatst bereikt per sms, 3 maart 2026');
});

test('the reports count the messages per way and per month, and the CSV has the same cells', async ({
	asBroker: page
}) => {
	// June 2025, before the demo's history: only these messages to Fatima (Oud-Oefenplein).
	withDatabase((db) => {
		const add = db.prepare(
			`insert into outbox (message_id, to_address, user_id, kind, locale, subject, text_body,
				html_body, status, next_attempt_at, created_at, sent_at, channel, delivered_via)
			 select ?, 'x', id, 'test', 'nl', 'Hallo', 'Hallo', '', 'sent', ?, ?, ?, ?, 'test'
			 from users where email = ?`
		);
		const at = Date.UTC(2025, 5, 15, 10);
		const run = Date.now().toString(36);
		for (let i = 0; i < 6; i++) add.run(`<sms-${i}-${run}@e2e>`, at, at, at, 'sms', FATIMA);
		for (let i = 0; i < 2; i++) add.run(`<mail-${i}-${run}@e2e>`, at, at, at, 'email', FATIMA);
	});
	await page.goto('/broker/reports?n=1&period=month&year=2025&month=6');
	const table = page.getByRole('region', { name: 'Berichten per manier en per maand' });
	await expect(table.getByRole('columnheader')).toHaveText([
		'Maand',
		'E-mail',
		'Sms',
		'Melding op de telefoon',
		'Brief',
		'Bellen (geen manier lukte)'
	]);
	// Two e-mails could point at someone: "< 5", as every small count of the report.
	await expect(table.getByRole('row').nth(1).getByRole('cell')).toHaveText([
		'< 5',
		'6',
		'0',
		'0',
		'0'
	]);
	const download = page.waitForEvent('download');
	await table
		.getByRole('link', { name: 'Download als CSV: Berichten per manier en per maand' })
		.click();
	const csv = readFileSync(await (await download).path(), 'utf8');
	expect(csv).toContain('< 5,6,0,0,0');
});
