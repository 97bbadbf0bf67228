import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test } from '../fixtures';
import { advanceClock } from '../clock';
import { signIn, signOut } from '../pages/auth';
import { fillPost, sendPost } from '../pages/posts';
import { linkIn, waitForMail } from '../smtp';
import { exactly, say } from './words';

// Issue 19: a Turkish-speaking resident gets the follow-up mail in Turkish, and the form its link
// opens is in Turkish, even in a browser that asks for Dutch.

const MEHMET = 'mehmet@naburig.example';

test('a follow-up mail to a Turkish-speaking resident is in Turkish, and so is its form', async ({
	page,
	browser
}) => {
	test.setTimeout(150_000);
	const title = `Kast ophangen ${Date.now().toString(36)}`;
	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await page.goto('/posts/new');
	await fillPost(page, {
		kind: 'Ik zoek hulp',
		category: 'Kleine klusjes in huis',
		title,
		body: 'Een kast van twee meter moet aan de muur. Ik heb de pluggen al.'
	});
	await sendPost(page);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await signOut(page);

	// Mehmet answers, then picks Türkçe at the top of the page: his account now reads Turkish.
	await signIn(page, MEHMET, DEMO_PASSWORD);
	await page.goto('/posts?kind=request');
	await page.getByRole('link', { name: title }).click();
	await page.getByLabel('Je bericht').fill('Ik heb een boormachine, zaterdag kan ik.');
	await page.getByRole('button', { name: 'Ik kan helpen' }).click();
	await expect(page.getByText('Je reactie is verstuurd.')).toBeVisible();
	await page.getByRole('link', { name: 'Türkçe' }).first().click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
	await page.getByRole('button', { name: say('tr', 'nav_sign_out'), exact: true }).click();
	await page.context().clearCookies();

	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await page.goto('/posts/mine');
	await page.getByRole('link', { name: title }).click();
	await page.getByRole('button', { name: 'Reactie van Mehmet aanvaarden' }).click();
	await expect(page.getByText('Jullie hebben een afspraak.')).toBeVisible();
	await signOut(page);

	// Two weeks later: Mehmet's follow-up mail is in Turkish.
	const since = Date.now();
	await advanceClock(page.request, { days: 14, hours: 1 });
	const mail = await waitForMail(MEHMET, {
		subject: exactly(say('tr', 'followup_mail_subject', { name: 'Jozef' })),
		text: title,
		after: since
	});
	expect(mail.text).toContain(say('tr', 'followup_mail_action'));
	expect(mail.html).toContain('lang="tr"');
	const link = linkIn(mail, /^\/follow-up\/[a-z2-7]+$/);

	// He opens it in a browser that asks for Dutch: the form is in Turkish all the same.
	const context = await browser.newContext({ locale: 'nl-BE' });
	const form = await context.newPage();
	await form.goto(link);
	await expect(form.locator('html')).toHaveAttribute('lang', 'tr');
	await expect(
		form.getByRole('heading', { level: 1, name: say('tr', 'followup_title') })
	).toBeVisible();
	await expectAccessible(form);
	// A forgotten answer is told beside the question, in Turkish.
	await form.getByRole('button', { name: say('tr', 'followup_send') }).click();
	await expect(
		form.getByRole('group', { name: say('tr', 'followup_outcome_legend') })
	).toHaveAccessibleDescription(say('tr', 'followup_err_outcome'));
	await form.getByRole('radio', { name: say('tr', 'followup_outcome_went_well') }).check();
	await form.getByRole('radio', { name: say('tr', 'followup_continuation_yes') }).check();
	await form.getByRole('button', { name: say('tr', 'followup_send') }).click();
	await expect(form.getByRole('status')).toHaveText(say('tr', 'followup_thanks'));
	await context.close();
});
