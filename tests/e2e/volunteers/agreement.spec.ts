import type { ChildProcess } from 'node:child_process';
import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test } from '../fixtures';
import { signIn, signOut } from '../pages/auth';
import { suggestionOf } from '../pages/broker';
import { fillPost } from '../pages/posts';
import { freshDatabase, siteIsUp, startOwnSite } from '../own-site';

// A site of its own: requiring the agreement stops every helper who has not accepted the new
// version, which the matching and talk tests on the shared site do not expect.
const PORT = Number(process.env.E2E_PORT ?? 4173) + 2;
const DATABASE = './.e2e/naburig-volunteer-agreement.db';
const NEW_TASKS =
	'Je helpt met boodschappen, een rit, een klusje of een bezoek. Nieuw: ook met formulieren.';

test('the broker publishes a new agreement and requires it; a helper accepts it before saying yes; the broker records a read-aloud acceptance', async ({
	browser
}) => {
	test.setTimeout(420_000);
	freshDatabase(DATABASE);
	let site: ChildProcess | null = null;
	const context = await browser.newContext({
		baseURL: `http://localhost:${PORT}`,
		locale: 'nl-BE'
	});
	try {
		site = startOwnSite(PORT, { DATABASE_URL: DATABASE, BACKUP_DIR: 'off', SMTP_URL: '' });
		// Seeding the demo neighbourhood on first start takes a while on a busy machine.
		await expect.poll(siteIsUp(PORT), { timeout: 120_000 }).toBe(true);
		const page = await context.newPage();

		// Jozef (vetted, so his request is open at once) asks for help.
		const title = `Hulp met een formulier ${Date.now().toString(36)}`;
		await signIn(page, DEMO.helper, DEMO_PASSWORD);
		await page.goto('/posts/new');
		await fillPost(page, {
			kind: 'Ik zoek hulp',
			category: 'Computer en telefoon',
			title,
			body: 'Ik moet een formulier van de gemeente invullen op de computer.'
		});
		await page.getByRole('button', { name: 'Versturen' }).click();
		await signOut(page);

		// The broker publishes version 2 and turns the requirement on.
		await signIn(page, DEMO.broker, DEMO_PASSWORD);
		await page.goto('/broker');
		await page.getByRole('link', { name: 'Afspraken voor vrijwilligers' }).first().click();
		await expect(page.getByText('Huidige versie: 1, gepubliceerd op')).toBeVisible();
		await expectAccessible(page);
		const dutch = page.getByRole('group', { name: 'Nederlands' });
		// A new version starts from the current text.
		await expect(dutch.getByLabel('Wettelijke basis')).toHaveValue(/art\. 458 Strafwetboek/);
		await dutch.getByLabel('Discretie').fill('');
		await dutch.getByLabel('Wat je doet').fill(NEW_TASKS);
		await page.getByRole('button', { name: 'Publiceer de nieuwe versie' }).click();
		// Dutch is required in every part: the message beside the field, nothing published.
		await expect(dutch.getByText('Schrijf de Nederlandse tekst van dit deel.')).toBeVisible();
		await expect(page.getByText('Huidige versie: 1, gepubliceerd op')).toBeVisible();
		await expect(dutch.getByLabel('Wat je doet')).toHaveValue(NEW_TASKS);
		await dutch
			.getByLabel('Discretie')
			.fill('Wat je bij iemand thuis ziet of hoort, blijft onder jullie.');
		await page.getByRole('button', { name: 'Publiceer de nieuwe versie' }).click();
		await expect(page.getByRole('status')).toContainText('De nieuwe versie is gepubliceerd.');
		await expect(page.getByText('Huidige versie: 2, gepubliceerd op')).toBeVisible();
		await expect(page.getByText(/^0 van \d+ vrijwilligers gingen akkoord/)).toBeVisible();
		const versions = page.getByRole('region', { name: 'Alle versies' });
		await expect(versions.getByRole('listitem')).toHaveCount(2);
		await page.getByLabel('Vrijwilligers gaan akkoord met de afspraak voor ze helpen').check();
		await page.getByRole('button', { name: 'Bewaar', exact: true }).click();
		await expect(page.getByText('Bewaard.')).toBeVisible();
		await page.reload();
		await expect(
			page.getByLabel('Vrijwilligers gaan akkoord met de afspraak voor ze helpen')
		).toBeChecked();

		// The broker proposes Thomas for Jozef's request.
		await page.goto('/broker');
		await page.getByRole('link', { name: 'Hulpvragen die een helper zoeken' }).click();
		await page.getByRole('link', { name: `Helpers zoeken voor "${title}"` }).click();
		const thomas = suggestionOf(page, 'Thomas De Smet');
		await thomas.getByRole('button', { name: 'Stel Thomas De Smet voor' }).click();
		await expect(page.getByRole('status')).toContainText('Voorstel verstuurd.');
		await signOut(page);

		// Sofie has not accepted: a request offers her the agreement, not the answer form.
		await signIn(page, 'sofie@naburig.example', DEMO_PASSWORD);
		await page.goto('/posts');
		await page.getByRole('link', { name: title }).click();
		await expect(
			page.getByRole('heading', { name: 'Eerst de vrijwilligersafspraak' })
		).toBeVisible();
		await expectAccessible(page);
		await signOut(page);

		// Thomas opens the proposal: first the agreement, instead of the yes button.
		await signIn(page, 'thomas@naburig.example', DEMO_PASSWORD);
		await page.goto('/');
		await page
			.getByRole('region', { name: 'Voorstellen voor jou' })
			.getByRole('link', { name: title })
			.click();
		await expect(page).toHaveURL(/\/proposals\/\d+$/);
		const proposal = new URL(page.url()).pathname;
		await expect(
			page.getByRole('heading', { name: 'Eerst de vrijwilligersafspraak' })
		).toBeVisible();
		await expect(page.getByRole('button', { name: 'Ja, ik help' })).toHaveCount(0);
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Lees de afspraak' }).click();
		await expect(
			page.getByRole('heading', { name: 'De vrijwilligersafspraak', level: 1 })
		).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Wat je doet' })).toBeVisible();
		await expect(page.getByText(NEW_TASKS)).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Ik ga akkoord met de afspraak' }).click();
		// Back where he came from, and now he can say yes.
		await expect(page).toHaveURL(proposal);
		await page.getByRole('button', { name: 'Ja, ik help' }).click();
		await expect(page.getByRole('status')).toContainText('Jullie zijn nu gekoppeld');
		await page.goto('/volunteering/agreement');
		await expect(page.getByText('Je ging akkoord met deze versie op')).toBeVisible();
		await signOut(page);

		// The broker reads the agreement aloud to Lotte and records her acceptance.
		await signIn(page, DEMO.broker, DEMO_PASSWORD);
		await page.goto('/broker/residents?q=Lotte');
		await page.getByRole('link', { name: 'Lotte Vermeulen' }).click();
		await expect(page).toHaveURL(/\/broker\/residents\/[^/?]+$/);
		const lotte = new URL(page.url()).pathname.split('/').pop();
		await page.goto(`/broker/volunteers/${lotte}/agreement`);
		await expect(
			page.getByRole('heading', { name: 'Akkoord noteren: Lotte Vermeulen', level: 1 })
		).toBeVisible();
		// Lotte reads English: the text to read aloud is hers (version 2 kept the English text).
		await expect(page.getByText('(English)')).toBeVisible();
		await expect(
			page.getByText('You help a neighbour with what you agree: shopping, a ride')
		).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Noteer het akkoord' }).click();
		await expect(page.getByText('Kies hoe de persoon akkoord ging.').first()).toBeVisible();
		await page.getByRole('radio', { name: 'Voorgelezen en akkoord' }).check();
		await page.getByRole('button', { name: 'Noteer het akkoord' }).click();
		await expect(page.getByRole('status')).toContainText(
			'Lotte Vermeulen ging akkoord met versie 2 (Voorgelezen en akkoord) op'
		);
		await page.goto('/broker');
		await page.getByRole('link', { name: 'Afspraken voor vrijwilligers' }).first().click();
		await expect(page.getByText(/^2 van \d+ vrijwilligers gingen akkoord/)).toBeVisible();
		await page.goto('/broker/audit');
		await expect(
			page.getByText('Noteerde dat iemand de afspraken aanvaardde').first()
		).toBeVisible();
	} finally {
		await context.close();
		if (site && site.exitCode === null) {
			const exited = new Promise((resolve) => site!.once('exit', resolve));
			site.kill('SIGTERM');
			await exited;
		}
	}
});
