import { DEMO, DEMO_PASSWORD, expect, test } from '../fixtures';
import { advanceClock } from '../clock';
import { signIn, signOut } from '../pages/auth';
import { fillPost, sendPost } from '../pages/posts';
import { linkIn, waitForMail } from '../smtp';
import { say } from './words';

// Issue 19: the follow-up form that Fatima's mail links to opens in her language, Arabic, right
// to left; a screenshot at 360 px is kept for people to look at.

const FATIMA = 'fatima@naburig.example';

test('the follow-up form reached by link reads right to left for an Arabic-speaking resident', async ({
	page,
	browser
}, testInfo) => {
	test.setTimeout(150_000);
	const title = `Formulier invullen ${Date.now().toString(36)}`;
	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await page.goto('/posts/new');
	await fillPost(page, {
		kind: 'Ik zoek hulp',
		category: 'Kleine klusjes in huis',
		title,
		body: 'Een brief van de gemeente, ik begrijp hem niet goed.'
	});
	await sendPost(page);
	await signOut(page);

	// Fatima answers, then picks العربية at the top of the page: her account now reads Arabic.
	await signIn(page, FATIMA, DEMO_PASSWORD);
	await page.goto('/posts?kind=request');
	await page.getByRole('link', { name: title }).click();
	await page.getByLabel('Je bericht').fill('Ik lees hem graag met je, maandagochtend.');
	await page.getByRole('button', { name: 'Ik kan helpen' }).click();
	await expect(page.getByText('Je reactie is verstuurd.')).toBeVisible();
	await page.getByRole('link', { name: 'العربية' }).first().click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await page.context().clearCookies();

	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await page.goto('/posts/mine');
	await page.getByRole('link', { name: title }).click();
	await page.getByRole('button', { name: 'Reactie van Fatima aanvaarden' }).click();
	await expect(page.getByText('Jullie hebben een afspraak.')).toBeVisible();
	await signOut(page);

	const since = Date.now();
	await advanceClock(page.request, { days: 14, hours: 1 });
	const mail = await waitForMail(FATIMA, {
		// The follow-up names the other person; an alert about new posts does not.
		subject: /Jozef/,
		text: title,
		after: since
	});
	const link = linkIn(mail, /^\/follow-up\/[a-z2-7]+$/);

	const context = await browser.newContext({
		locale: 'nl-BE',
		viewport: { width: 360, height: 800 }
	});
	const form = await context.newPage();
	await form.goto(link);
	await expect(form.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(form.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(
		form.getByRole('heading', { level: 1, name: say('ar', 'followup_title') })
	).toBeVisible();
	const scrollWidth = await form.evaluate(() => document.scrollingElement!.scrollWidth);
	expect(scrollWidth).toBeLessThanOrEqual(360);
	const path = testInfo.outputPath('ar-360-follow-up-form.png');
	await form.screenshot({ path, fullPage: true });
	await testInfo.attach('ar-360-follow-up-form', { path, contentType: 'image/png' });
	await context.close();
});
