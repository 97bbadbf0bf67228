import Database from 'better-sqlite3';
import { advanceClock } from '../clock';
import { CLOCK_DATABASE } from '../commands';
import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test } from '../fixtures';
import { signIn } from '../pages/auth';
import { linkIn, waitForMail } from '../smtp';
import { matchWithJozef } from './match';

// Irina is a demo helper no other test uses.
const IRINA = 'irina@naburig.example';

test("the helper tells how long it took, starting from the request's estimate", async ({
	page
}) => {
	const title = `Hond uitlaten, uren ${Date.now().toString(36)}`;
	await matchWithJozef(page, IRINA, title);

	const since = Date.now();
	await advanceClock(page.request, { days: 14, hours: 1 });
	const toIrina = await waitForMail(IRINA, {
		subject: /^Hoe ging het met Jozef\?$/,
		text: title,
		after: since
	});
	const toJozef = await waitForMail(DEMO.helper, {
		subject: /^Hoe ging het met Irina\?$/,
		text: title,
		after: since
	});

	// Jozef asked for help: he is not asked how long it took.
	await page.goto(linkIn(toJozef, /^\/follow-up\/[a-z2-7]+$/));
	await expect(page.getByRole('heading', { level: 1, name: 'Hoe ging het?' })).toBeVisible();
	await expect(page.getByLabel(/Hoe lang heeft het geduurd/)).toHaveCount(0);

	// Irina helped: the request's two hours are filled in; it took one and a half.
	await page.goto(linkIn(toIrina, /^\/follow-up\/[a-z2-7]+$/));
	const hours = page.getByLabel('Hoe lang heeft het geduurd? (in uren)');
	await expect(hours).toHaveValue('2');
	await expectAccessible(page);
	await page.getByRole('radio', { name: 'Het ging goed' }).check();
	await page.getByRole('radio', { name: 'Ja' }).check();
	// Something that is not a number is refused beside the field, keeping what she typed.
	await hours.fill('anderhalf');
	await page.getByRole('button', { name: 'Verstuur mijn antwoord' }).click();
	await expect(hours).toHaveAccessibleDescription(/Schrijf het aantal uren als een getal/);
	await expect(hours).toHaveValue('anderhalf');
	await hours.fill('1,5');
	await page.getByRole('button', { name: 'Verstuur mijn antwoord' }).click();
	await expect(page.getByRole('status')).toHaveText('Dank je wel! Je antwoord is bewaard.');

	// The broker reads it with the answer.
	const db = new Database(CLOCK_DATABASE, { readonly: true, fileMustExist: true });
	const row = db
		.prepare(
			`select f.id, f.minutes from follow_ups f join users u on u.id = f.user_id
			 join matches m on m.id = f.match_id join posts p on p.id = m.post_id
			 where u.email = ? and p.title = ?`
		)
		.get(IRINA, title) as { id: number; minutes: number };
	db.close();
	expect(row.minutes).toBe(90);
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto(`/broker/follow-ups/${row.id}`);
	await expect(page.getByRole('listitem').filter({ hasText: 'Irina' })).toContainText(
		'Duurde 1,5 uur'
	);
});
