import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test } from '../fixtures';
import { signIn, signOut } from '../pages/auth';
import { fillPost, sendPost } from '../pages/posts';
import { waitForMail } from '../smtp';

test('a reported post is hidden by the broker: it leaves the list and the poster reads why', async ({
	page,
	signInAs
}) => {
	// Jozef (vetted) posts; his post is on the list at once.
	const title = `Oude kasten gratis ophalen ${Date.now().toString(36)}`;
	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await page.goto('/posts/new');
	await fillPost(page, {
		kind: 'Ik bied hulp',
		category: 'Kleine klusjes in huis',
		title,
		body: 'Bel me op 0499 99 99 99 of kom langs op Kazernestraat 14.'
	});
	await sendPost(page);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const postUrl = page.url();
	await signOut(page);

	// Maria reports it.
	await signIn(page, DEMO.resident, DEMO_PASSWORD);
	await page.goto(postUrl);
	await page.getByRole('link', { name: 'Dit bericht melden' }).click();
	await page.getByLabel('Wat is er aan de hand?').fill('Er staat een volledig adres in.');
	await page.getByRole('button', { name: 'Melding versturen' }).click();
	await expect(page.getByText('De buurtwerker heeft je melding gekregen.')).toBeVisible();
	await signOut(page);

	// The broker opens the report, then the post, and hides it with a reason.
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto('/broker/moderation#reports');
	const report = page.getByRole('listitem').filter({ hasText: 'Er staat een volledig adres in.' });
	await report.getByRole('link', { name: 'Dit bericht beheren' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Verberg dit bericht' }).click();
	await expect(page.getByLabel('Reden voor de plaatser')).toHaveAccessibleDescription(
		/Zeg kort waarom\./
	);
	await page.getByLabel('Reden voor de plaatser').fill('Je adres en telefoonnummer staan erin.');
	const since = Date.now();
	await page.getByRole('button', { name: 'Verberg dit bericht' }).click();
	await expect(page.getByText('Verborgen: het bericht is uit beeld')).toBeVisible();
	await expect(page.getByText('Status: Verborgen door de buurtwerker')).toBeVisible();
	await signOut(page);

	// Residents no longer find it; the poster reads why, by mail and on the post's page.
	await signIn(page, DEMO.resident, DEMO_PASSWORD);
	await page.goto('/posts?kind=offer');
	await expect(page.getByRole('link', { name: title })).toHaveCount(0);
	expect((await page.goto(postUrl))?.status()).toBe(404);
	await signOut(page);

	const mail = await waitForMail(DEMO.helper, { subject: /wordt niet meer getoond/, after: since });
	expect(mail.text).toContain('Reden: Je adres en telefoonnummer staan erin.');
	await signInAs(page, 'helper');
	await page.goto(postUrl);
	await expect(
		page.getByText('De buurtwerker haalde dit bericht uit beeld. Reden: Je adres')
	).toBeVisible();
});
