import { DEMO, DEMO_PASSWORD, expect, test } from '../fixtures';
import { advanceClock, advanceToMorning } from '../clock';
import { signIn, signOut } from '../pages/auth';
import { fillPost, sendPost } from '../pages/posts';
import { waitForMail } from '../smtp';

const topic = (page: import('@playwright/test').Page, name: string) =>
	page.getByRole('group', { name });

test('a resident who chose SMS gets the follow-up as an SMS in the morning, with a short link to the form', async ({
	page
}) => {
	test.setTimeout(180_000);
	// Maria proves her mobile number with the code sent by SMS (kept in the built-in mailbox).
	const digits = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
	const mobile = `+32471${digits}`;
	await signIn(page, DEMO.resident, DEMO_PASSWORD);
	await page.goto('/account/phone');
	const request = page.getByRole('region', { name: 'Je gsm-nummer' });
	await request.getByLabel('Je gsm-nummer').fill(`0471 ${digits}`);
	await request.getByRole('button', { name: 'Stuur mij een code' }).click();
	await page.goto('/mailbox');
	const codeRow = page.getByRole('row').filter({ hasText: mobile }).first();
	const code = /Je code voor Naburig: (\d{6})\./.exec(await codeRow.innerText())![1]!;
	await page.goto('/account/phone');
	const confirm = page.getByRole('region', { name: 'Typ de code over' });
	await confirm.getByLabel('De code uit de sms').fill(code);
	await confirm.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page.getByRole('status')).toContainText(`je nummer ${mobile} is bevestigd`);

	// She wants to be asked how the help went by SMS.
	await page.goto('/account/notifications');
	await topic(page, 'De vraag hoe de hulp ging').getByRole('radio', { name: 'Sms' }).check();
	await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
	await page.reload();
	await expect(
		topic(page, 'De vraag hoe de hulp ging').getByRole('radio', { name: 'Sms' })
	).toBeChecked();
	await signOut(page);

	// Jozef asks for help, Maria responds, Jozef accepts.
	const title = `Boodschappen sms ${Date.now().toString(36)}`;
	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await page.goto('/posts/new');
	await fillPost(page, {
		kind: 'Ik zoek hulp',
		category: 'Boodschappen',
		title,
		body: 'Wie haalt zaterdag brood en melk voor mij bij de bakker op de hoek?'
	});
	await sendPost(page);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await signOut(page);
	await signIn(page, DEMO.resident, DEMO_PASSWORD);
	await page.goto('/posts?kind=request');
	await page.getByRole('link', { name: title }).click();
	await page.getByLabel('Je bericht').fill('Ik ga toch naar de bakker, ik breng het mee.');
	await page.getByRole('button', { name: 'Ik kan helpen' }).click();
	await expect(page.getByText('Je reactie is verstuurd.')).toBeVisible();
	await signOut(page);
	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await page.goto('/posts/mine');
	await page.getByRole('link', { name: title }).click();
	await page.getByRole('button', { name: 'Reactie van Maria aanvaarden' }).click();
	await expect(page.getByText('Jullie hebben een afspraak.')).toBeVisible();
	await signOut(page);

	// Two weeks on, in the morning: Jozef is asked by mail, Maria by SMS.
	const since = Date.now();
	await advanceClock(page.request, { days: 14, hours: 1 });
	await advanceToMorning(page.request);
	await waitForMail(DEMO.helper, {
		subject: /^Hoe ging het met Maria\?$/,
		text: title,
		after: since
	});

	await signIn(page, DEMO.resident, DEMO_PASSWORD);
	await page.goto('/mailbox');
	const smsRow = page
		.getByRole('row')
		.filter({ hasText: mobile })
		.filter({ hasText: 'Hoe ging het met Jozef?' });
	await expect(smsRow).toContainText('Sms');
	const sms = await smsRow.innerText();
	const link = /https?:\/\/[^\s/]+(\/s\/[a-z2-7]+)/.exec(sms);
	expect(link, sms).not.toBeNull();

	// The short link opens her follow-up form, without anything else to type.
	await page.goto(link![1]!);
	await expect(page).toHaveURL(/\/follow-up\/[a-z2-7]+/);
	await expect(page.getByRole('heading', { level: 1, name: 'Hoe ging het?' })).toBeVisible();
	await expect(page.getByText(title, { exact: false })).toBeVisible();

	// A short link typed wrong says so kindly.
	await page.goto('/s/aaaaaaaaaaaaa');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Deze link werkt niet meer' })
	).toBeVisible();

	// Maria gets her follow-ups by e-mail again, as the other tests expect.
	await page.goto('/account/notifications');
	await topic(page, 'De vraag hoe de hulp ging').getByRole('radio', { name: 'E-mail' }).check();
	await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
	await page.reload();
	await expect(
		topic(page, 'De vraag hoe de hulp ging').getByRole('radio', { name: 'E-mail' })
	).toBeChecked();
});
