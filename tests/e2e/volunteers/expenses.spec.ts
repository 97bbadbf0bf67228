import { DEMO, expect, expectAccessible, test } from '../fixtures';
import { waitForMail } from '../smtp';

/**
 * Issue 20 §1: a helper asks for a bus ticket back after a match; wrong input is refused beside
 * the field and kept; the broker refuses only with a reason, approves, and the helper reads it on
 * the page and in the mail.
 */
test('a helper claims a bus ticket and the broker approves it', async ({
	asHelper: jozef,
	browser,
	baseURL,
	signInAs
}) => {
	const reason = `Bus naar de apotheek ${Date.now().toString(36)}`;
	await jozef.goto('/volunteering');
	await jozef.getByRole('link', { name: 'Onkosten terugvragen' }).click();
	await expect(
		jozef.getByRole('heading', { level: 1, name: 'Onkosten terugvragen' })
	).toBeVisible();
	await expectAccessible(jozef);

	const match = jozef.getByLabel('Voor welke hulp?');
	await match.selectOption({ index: 1 });
	const chosen = (await match.locator('option:checked').textContent())!.trim();
	await jozef.getByLabel('Bedrag in euro').fill('drie euro');
	await jozef.getByLabel('Waarvoor was het?').fill(reason);
	await jozef.getByRole('button', { name: 'Terugvragen' }).click();
	await expect(jozef.getByLabel('Bedrag in euro')).toHaveAccessibleDescription(
		/Vul een bedrag in euro in, bijvoorbeeld 4,60\./
	);
	// What he typed is still there, and nothing was sent.
	await expect(jozef.getByLabel('Waarvoor was het?')).toHaveValue(reason);
	await expect(jozef.getByText(reason)).toHaveCount(0);

	await jozef.getByLabel('Bedrag in euro').fill('3,20');
	await jozef.getByRole('button', { name: 'Terugvragen' }).click();
	await expect(jozef.getByRole('status')).toHaveText(/Je vraag is verstuurd/);
	const mine = jozef.getByRole('listitem').filter({ hasText: reason });
	await expect(mine).toContainText('€ 3,20');
	await expect(mine).toContainText('wacht op de buurtwerker');
	await expect(mine).toContainText(chosen);

	// The broker, in a browser of her own.
	const context = await browser.newContext({ baseURL, locale: 'nl-BE' });
	const an = await context.newPage();
	await signInAs(an, 'broker');
	await an.goto('/broker');
	await an.getByRole('link', { name: 'Onkosten', exact: true }).click();
	await expect(
		an.getByRole('heading', { level: 1, name: 'Onkosten van vrijwilligers' })
	).toBeVisible();
	await expectAccessible(an);
	const claim = an.getByRole('listitem').filter({ hasText: reason });
	await expect(claim.getByRole('heading')).toHaveText(/Jozef Peeters · €\s3,20/);
	await claim.getByRole('button', { name: 'Niet goedkeuren' }).click();
	const again = an.getByRole('listitem').filter({ hasText: reason });
	await expect(
		again.getByLabel('Reden (nodig als je niet goedkeurt; de vrijwilliger leest dit)')
	).toHaveAccessibleDescription(/Schrijf waarom je het niet goedkeurt/);
	const since = Date.now();
	await again.getByRole('button', { name: 'Goedkeuren', exact: true }).click();
	await expect(an.getByRole('status')).toHaveText('Goedgekeurd. De vrijwilliger krijgt bericht.');
	await expect(
		an.getByRole('listitem').filter({ hasText: reason }).filter({ hasText: 'goedgekeurd' })
	).toBeVisible();
	await context.close();

	const mail = await waitForMail(DEMO.helper, {
		subject: /Je onkosten worden terugbetaald/,
		after: since
	});
	// Intl writes a no-break space between the sign and the amount.
	expect(mail.text).toMatch(/€\s3,20/);
	await jozef.reload();
	await expect(jozef.getByRole('listitem').filter({ hasText: reason })).toContainText(
		'goedgekeurd'
	);
});
