import { DEMO, expect, expectAccessible, test } from '../fixtures';
import { waitForMail } from '../smtp';
import { matchWithJozef } from './match';

// Irina is a demo helper no other test uses: her goodbye changes nobody else's page.
const IRINA = 'irina@naburig.example';

test('the broker thanks a helper personally, and the thank-you arrives', async ({
	asBroker: page
}) => {
	await page.goto('/broker/residents?q=Jozef');
	await page.getByRole('link', { name: 'Jozef Peeters' }).click();
	await page.getByRole('link', { name: 'Een bedankje sturen' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Bedanken: Jozef Peeters' })
	).toBeVisible();
	await expectAccessible(page);

	// Nothing written: said beside the field, nothing sent.
	await page.getByRole('button', { name: 'Bedankje versturen' }).click();
	await expect(page.getByLabel(/^Je bedankje/)).toHaveAccessibleDescription(/Schrijf een bedankje/);

	const words = `Jozef, dank je voor al die ritten naar de dokter (${Date.now().toString(36)}).`;
	const since = Date.now();
	await page.getByLabel(/^Je bedankje/).fill(words);
	await page.getByRole('button', { name: 'Bedankje versturen' }).click();
	await expect(page.getByRole('status')).toHaveText('Je bedankje is verstuurd.');
	await expect(page.getByRole('listitem').filter({ hasText: words })).toContainText(
		'Persoonlijk, van An'
	);
	await expectAccessible(page);

	const mail = await waitForMail(DEMO.helper, {
		subject: /^Een bedankje van An$/,
		text: words,
		after: since
	});
	expect(mail.text).toContain('An, je buurtwerker, schrijft je:');
	expect(mail.text).toContain('Dank je wel voor wat je doet voor je buren.');
});

test('the broker says goodbye to a helper, sees the help to hand over, and welcomes her back', async ({
	page,
	signInAs
}) => {
	const title = `Hond uitlaten, afscheid ${Date.now().toString(36)}`;
	await matchWithJozef(page, IRINA, title);

	await signInAs(page, 'broker');
	await page.goto('/broker/residents?q=Irina');
	await page.getByRole('link', { name: 'Irina Popescu' }).click();
	await page.getByRole('link', { name: 'Afscheid als vrijwilliger' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Afscheid als vrijwilliger: Irina Popescu' })
	).toBeVisible();
	await expectAccessible(page);

	// A reason is needed.
	await page.getByRole('button', { name: 'Afscheid noteren' }).click();
	await expect(
		page.getByRole('group', { name: /Waarom stopt de persoon/ })
	).toHaveAccessibleDescription('Kies waarom de persoon stopt.');

	const since = Date.now();
	await page.getByRole('radio', { name: 'Geen tijd meer' }).check();
	await page
		.getByLabel(/^Notitie/)
		.fill('Werkt nu in nachtploegen; wil later misschien terugkomen.');
	await page.getByRole('button', { name: 'Afscheid noteren' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Het afscheid is genoteerd. Irina Popescu krijgt een vriendelijk bericht.'
	);
	await expect(
		page.getByText(/Gestopt als vrijwilliger op .*\. Reden: Geen tijd meer\./)
	).toBeVisible();

	// Her running match, to hand over: a link to the request's broker page.
	await expect(page.getByRole('heading', { name: 'Lopende hulp om over te dragen' })).toBeVisible();
	await expect(page.getByRole('link', { name: title })).toHaveAttribute(
		'href',
		/^\/broker\/posts\/\d+$/
	);
	await expectAccessible(page);

	// She gets one kind message, without the broker's note.
	const mail = await waitForMail(IRINA, { subject: /^Dank je wel voor je hulp$/, after: since });
	expect(mail.text).toContain('Je bent altijd welkom.');
	expect(mail.text).toContain('Voor de hulp die nog loopt');
	expect(mail.text).not.toContain('nachtploegen');

	// She comes back: a volunteer again, the goodbye in her history.
	await page.getByRole('button', { name: 'Komt terug als vrijwilliger' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Genoteerd: Irina Popescu is terug als vrijwilliger.'
	);
	await expect(
		page.getByRole('listitem').filter({ hasText: /Gestopt op .*: Geen tijd meer/ })
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Afscheid noteren' })).toBeVisible();
});
