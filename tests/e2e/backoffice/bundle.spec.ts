import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test, uniqueEmail } from '../fixtures';
import { signIn, signUpAndVerify } from '../pages/auth';

const WIM = 'wim@naburig.example';

/**
 * Issue 21 §1 (the quarterly bundle) and §6 (the steering group): a broker summarises a policy
 * signal without anything that identifies anyone (a name is refused beside the field), marks it
 * ready, prints and downloads the bundle; Wim of the steering group reads the figures and the
 * bundle and nothing personal; an admin gives and takes away a steering account.
 */
test('a broker puts a policy signal in the quarterly bundle, which the steering group reads', async ({
	asHelper: jozef,
	browser,
	baseURL,
	signInAs
}) => {
	test.setTimeout(120_000);
	const run = Date.now().toString(36);
	await jozef.goto('/signals/new');
	await jozef.getByRole('radio', { name: 'Over iets wat de gemeente zou moeten weten' }).check();
	await jozef
		.getByLabel('Wat wil je doorgeven?')
		.fill(`Maria Janssens zegt dat de huur van de sociale woningen fors stijgt ${run}`);
	await jozef.getByRole('button', { name: 'Doorgeven' }).click();
	await expect(jozef.getByRole('status')).toHaveText(/Bedankt/);

	const context = await browser.newContext({ baseURL, locale: 'nl-BE' });
	const an = await context.newPage();
	await signInAs(an, 'broker');
	await an.goto('/broker/signals');
	await an.getByRole('link', { name: 'Signalenbundel per kwartaal' }).click();
	await expect(
		an.getByRole('heading', { level: 1, name: 'Signalenbundel per kwartaal' })
	).toBeVisible();
	const card = an.getByRole('listitem').filter({ hasText: run });
	await card.getByText('Wat de vrijwilliger schreef (vertrouwelijk)').click();
	await expect(card.getByText(`huur van de sociale woningen fors stijgt ${run}`)).toBeVisible();
	await expectAccessible(an);

	const named = `Maria Janssens vreest een huurstijging ${run}`;
	await card.getByLabel('Thema').selectOption({ label: 'Wonen' });
	await card.getByLabel('Samenvatting zonder namen').fill(named);
	await card.getByLabel('Klaar voor de bundel').check();
	await card.getByRole('button', { name: 'Bewaren' }).click();
	const again = an.getByRole('listitem').filter({ hasText: run });
	await expect(again.getByLabel('Samenvatting zonder namen')).toHaveAccessibleDescription(
		/Dit maakt iemand herkenbaar\. Laat het weg\./
	);
	await expect(again.getByLabel('Samenvatting zonder namen')).toHaveValue(named);

	const summary = `Huurders van sociale woningen vrezen een forse huurstijging ${run}`;
	await again.getByLabel('Samenvatting zonder namen').fill(summary);
	await again.getByLabel('Wat er gebeurde').fill('Besproken met de huisvestingsmaatschappij.');
	await again.getByRole('button', { name: 'Bewaren' }).click();
	await expect(an.getByRole('status')).toHaveText('Bewaard.');

	await an.getByRole('link', { name: /De bundel van 20\d\d-Q[1-4] bekijken/ }).click();
	const housing = an.getByRole('region', { name: 'Wonen' });
	await expect(housing).toContainText(summary);
	await expect(an.getByRole('main')).not.toContainText('Maria Janssens');
	await expectAccessible(an);
	const downloading = an.waitForEvent('download');
	await an.getByRole('link', { name: 'Downloaden als CSV' }).click();
	const csv = await (await downloading).createReadStream();
	const chunks: Buffer[] = [];
	for await (const chunk of csv) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString('utf8');
	expect(text).toContain(summary);
	expect(text).toContain('Wonen');
	expect(text).not.toContain('Maria');
	await context.close();

	// Wim of the steering group: the figures and the bundle, nothing personal, no broker pages.
	const wimContext = await browser.newContext({ baseURL, locale: 'nl-BE' });
	const wim = await wimContext.newPage();
	await signIn(wim, WIM, DEMO_PASSWORD);
	await expect(wim.getByRole('heading', { level: 1, name: 'Stuurgroep' })).toBeVisible();
	await expectAccessible(wim);
	await wim.getByRole('link', { name: 'Cijfers' }).click();
	await expect(
		wim.getByRole('heading', { name: 'Bereik: hoe hulpvragen binnenkwamen' })
	).toBeVisible();
	await expectAccessible(wim);
	// Counts per street are figures like the others (small ones hidden); names never show.
	for (const name of ['Maria Janssens', 'Jozef Peeters', 'An Verhoeven', 'Kazernestraat 1'])
		await expect(wim.getByRole('main')).not.toContainText(name);
	await wim.goto('/steering');
	await wim.getByRole('link', { name: 'Signalenbundels' }).click();
	await expect(wim.getByRole('region', { name: 'Wonen' })).toContainText(summary);
	await expectAccessible(wim);
	expect((await wim.goto('/broker/signals'))?.status()).toBe(403);
	await wimContext.close();
});

test('an admin gives a steering-group account and takes it away', async ({
	page,
	browser,
	baseURL,
	signInAs
}) => {
	const email = uniqueEmail('stuurgroep');
	await signUpAndVerify(page, { name: 'Hilde', email, password: 'buren helpen buren graag' });

	const context = await browser.newContext({ baseURL, locale: 'nl-BE' });
	const griet = await context.newPage();
	await signInAs(griet, 'admin');
	await griet.goto('/admin/neighbourhoods/1');
	await griet.getByRole('link', { name: 'Stuurgroep en financiers die de cijfers lezen' }).click();
	await expectAccessible(griet);
	await griet.getByLabel('E-mailadres').fill(DEMO.broker);
	await griet.getByRole('button', { name: 'Toegang geven' }).click();
	await expect(griet.getByLabel('E-mailadres')).toHaveAccessibleDescription(
		/al van een buurtwerker, beheerder of partner/
	);
	await griet.getByLabel('E-mailadres').fill(email);
	await griet.getByRole('button', { name: 'Toegang geven' }).click();
	await expect(griet.getByText('Hilde leest nu de cijfers van deze buurt.')).toBeVisible();
	await griet.reload();
	await griet.getByRole('button', { name: 'Afnemen van Hilde' }).click();
	await expect(griet.getByRole('status')).toHaveText('Afgenomen.');
	await expect(griet.getByRole('button', { name: 'Afnemen van Hilde' })).toHaveCount(0);
	await context.close();
});
