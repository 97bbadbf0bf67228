import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test } from '../fixtures';
import { advanceClock, advanceToMorning, waitUntilMailsAboutSent } from '../clock';
import { signIn, signOut } from '../pages/auth';
import { fillPost, sendPost } from '../pages/posts';
import { linkIn, waitForMail } from '../smtp';

/**
 * Issue 21 §3: two weeks after a referral the resident is asked whether the service helped; the
 * answer comes back by one click, a "not helped" lands on the broker's Today, the broker writes
 * down what happens next, and the reports count it per service.
 */
test('two weeks after a referral the resident says it did not help, and the broker follows up', async ({
	page,
	browser
}) => {
	test.setTimeout(150_000);
	const run = Date.now().toString(36);
	const title = `Hulp met de huurpremie ${run}`;
	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await page.goto('/posts/new');
	await fillPost(page, {
		kind: 'Ik zoek hulp',
		category: 'Papieren en formulieren',
		title,
		body: 'Ik begrijp het formulier van de huurpremie niet.'
	});
	await sendPost(page);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const postUrl = page.url();
	await signOut(page);

	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto(postUrl.replace('/posts/', '/broker/posts/') + '/refer');
	await page.getByLabel('Dienst').selectOption({ label: 'OCMW Sociale dienst' });
	await page.getByRole('button', { name: 'Doorverwijzen' }).click();
	await expect(page.getByText('Doorverwezen naar OCMW Sociale dienst.')).toBeVisible();

	const since = Date.now();
	await advanceClock(page.request, { days: 14 });
	await advanceToMorning(page.request);
	await waitUntilMailsAboutSent(run);
	const mail = await waitForMail(DEMO.helper, {
		subject: /Heeft de dienst je geholpen/,
		after: since
	});
	expect(mail.text).toContain(title);

	// Jozef answers from the link, without signing in.
	const context = await browser.newContext({ locale: 'nl-BE' });
	const jozef = await context.newPage();
	await jozef.goto(linkIn(mail, /^\/referral-check\//));
	await expect(
		jozef.getByRole('heading', { level: 1, name: 'Heeft de dienst je geholpen?' })
	).toBeVisible();
	await expectAccessible(jozef);
	await jozef.getByLabel(/Wil je er iets bij zeggen/).fill(`Ik moest drie keer terugkomen ${run}`);
	await jozef.getByRole('button', { name: 'Nee, het hielp niet' }).click();
	await expect(jozef.getByRole('status')).toContainText('Dank je');
	await jozef.reload();
	await expect(jozef.getByRole('status')).toHaveText('Je antwoord is al bewaard. Dank je.');
	await context.close();

	// It waits on An's Today until she writes down what happens next.
	await page.goto('/broker/today');
	const item = page.getByRole('link', {
		name: 'Jozef Peeters, doorverwezen naar OCMW Sociale dienst'
	});
	await item.click();
	await expect(page.getByText(`Ik moest drie keer terugkomen ${run}`)).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Wat doe je nu?').fill('Ik ga dinsdag samen met hem naar het loket.');
	await page.getByRole('button', { name: 'Bewaren' }).click();
	await expect(page.getByRole('status')).toHaveText('Bewaard.');
	await page.goto('/broker/today');
	await expect(item).toHaveCount(0);

	await page.goto('/broker/reports');
	const report = page.getByRole('region', { name: 'Doorverwijzingen per dienst: hielp het?' });
	await expect(report.getByRole('rowheader', { name: 'OCMW Sociale dienst' })).toBeVisible();
});
