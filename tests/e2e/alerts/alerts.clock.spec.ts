import { request as playwrightRequest } from '@playwright/test';
import { advanceClock, waitUntilMailsAboutSent } from '../clock';
import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test } from '../fixtures';
import { signIn, signOut } from '../pages/auth';
import { fillPost, sendPost } from '../pages/posts';
import { linkIn, readMails, waitForMail } from '../smtp';

const SUBJECT = /nieuwe hulpvraag bij jou in de buurt|nieuwe hulpvragen bij jou in de buurt/;

test('a helper hears of a new request near her at once, and stops it with one click from the mail', async ({
	page,
	baseURL
}) => {
	// Maria asks to hear at once of small jobs up to 5 km from home.
	await signIn(page, DEMO.resident, DEMO_PASSWORD);
	await page.goto('/account/alerts');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Nieuwe hulpvragen in je buurt' })
	).toBeVisible();
	await page.getByRole('radio', { name: /^Meteen/ }).check();
	await page.getByRole('radio', { name: 'Tot 5 km' }).check();
	await page.getByRole('checkbox', { name: 'Kleine klusjes in huis' }).check();

	// A distance the page does not offer (a changed form) is refused beside the question, and
	// what she chose stays.
	await page.getByRole('radio', { name: 'Tot 5 km' }).evaluate((radio: HTMLInputElement) => {
		radio.value = '750';
	});
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(
		page.getByRole('group', { name: 'Hoe ver van je huis?' })
	).toHaveAccessibleDescription('Kies hoe ver van je huis.');
	await expect(page.getByRole('checkbox', { name: 'Kleine klusjes in huis' })).toBeChecked();
	await expect(page.getByRole('radio', { name: /^Meteen/ })).toBeChecked();
	await page.reload();
	await expect(page.getByRole('radio', { name: 'Nooit' })).toBeChecked();

	await page.getByRole('radio', { name: /^Meteen/ }).check();
	await page.getByRole('radio', { name: 'Tot 5 km' }).check();
	await page.getByRole('checkbox', { name: 'Kleine klusjes in huis' }).check();
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(
		page.getByText('Opgeslagen. Je krijgt een bericht zodra een buur dicht bij je hulp zoekt')
	).toBeVisible();
	await expectAccessible(page);
	await signOut(page);

	// Jozef (who has a trust badge, so his request is published at once) asks for help.
	const title = `Kast ophangen ${Date.now().toString(36)}`;
	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await page.goto('/posts/new');
	await fillPost(page, {
		kind: 'Ik zoek hulp',
		category: 'Klusjes',
		title,
		body: 'Een kast aan de muur hangen, ik heb de pluggen al. Het duurt een halfuur.'
	});
	await sendPost(page);
	await signOut(page);

	// The alerts job runs (every few minutes; here when the clock moves) and the mail arrives.
	const since = Date.now();
	await advanceClock(page.request, { hours: 0.1 });
	const mail = await waitForMail(DEMO.resident, { subject: SUBJECT, text: title, after: since });
	expect(mail.subject).toBe('1 nieuwe hulpvraag bij jou in de buurt');
	expect(mail.text).toContain(`- ${title} (Kleine klusjes in huis,`);
	linkIn(mail, /^\/posts\/\d+$/);
	linkIn(mail, /^\/account\/alerts$/);
	const stop = linkIn(mail, /^\/unsubscribe\//);

	// Opening the link (as a link scanner would) only shows the button.
	await page.goto(stop);
	await expect(
		page.getByRole('heading', { name: 'Berichten over nieuwe hulpvragen stoppen' })
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Stop deze berichten' })).toBeVisible();
	await expectAccessible(page);

	// The mail program's one-click request (RFC 8058): a POST from its own servers, without
	// cookies or an Origin header. A form post from elsewhere to any other page is still refused.
	const mailProgram = await playwrightRequest.newContext({ baseURL });
	try {
		// Without signing in, the settings page sends to the sign-in page, to read and to save.
		for (const asked of [
			mailProgram.get('/account/alerts', { maxRedirects: 0 }),
			mailProgram.post('/account/alerts', {
				form: { rhythm: 'never' },
				headers: { origin: baseURL!, accept: 'text/html' },
				maxRedirects: 0
			})
		]) {
			const answer = await asked;
			expect(answer.status()).toBe(303);
			expect(answer.headers().location).toMatch(/^\/sign-in\?next=%2Faccount%2Falerts/);
		}
		const elsewhere = await mailProgram.post('/account/alerts', {
			form: { rhythm: 'never' },
			headers: { origin: 'https://evil.example' },
			maxRedirects: 0
		});
		expect(elsewhere.status()).toBe(403);
		expect(await elsewhere.text()).toBe('Cross-site POST form submissions are forbidden');
		const oneClick = await mailProgram.post(stop, {
			form: { 'List-Unsubscribe': 'One-Click' },
			maxRedirects: 0
		});
		expect(oneClick.status()).toBe(200);
	} finally {
		await mailProgram.dispose();
	}
	await page.goto(stop);
	await expect(page.getByRole('status')).toHaveText(
		'Je krijgt geen berichten over nieuwe hulpvragen.'
	);

	// Her settings say so, and a new request no longer reaches her.
	await signIn(page, DEMO.resident, DEMO_PASSWORD);
	await page.goto('/account/alerts');
	await expect(page.getByRole('radio', { name: 'Nooit' })).toBeChecked();
	await signOut(page);

	const later = `Gordijnen ophangen ${Date.now().toString(36)}`;
	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await page.goto('/posts/new');
	await fillPost(page, {
		kind: 'Ik zoek hulp',
		category: 'Klusjes',
		title: later,
		body: 'De gordijnrails zijn los gekomen. Ik heb een ladder, maar durf er niet meer op.'
	});
	await sendPost(page);
	await advanceClock(page.request, { hours: 2 });
	await waitUntilMailsAboutSent(later);
	expect(readMails().filter((m) => m.to.includes(DEMO.resident) && m.text.includes(later))).toEqual(
		[]
	);
});
