import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test, uniqueEmail } from '../fixtures';
import { signIn, signOut, signUpAndVerify } from '../pages/auth';
import { fillPost, sendPost, setStreet } from '../pages/posts';
import { linkIn, waitForMail } from '../smtp';

const PASSWORD = 'buren helpen buren graag';

test('a request is answered, accepted, talked over with shared contacts, and marked done', async ({
	page
}) => {
	// Two people, seven sign-ins and three accessibility checks: over a minute on a busy machine.
	test.slow();
	// Resident B: a newcomer with a phone number who will help.
	const helper = uniqueEmail('helper');
	await signUpAndVerify(page, { name: 'Wout Maes', email: helper, password: PASSWORD });
	await signIn(page, helper, PASSWORD);
	await setStreet(page, 'Kazernestraat', '5');
	await page.getByLabel('Telefoonnummer').fill('0499 12 34 56');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('Opgeslagen.')).toBeVisible();
	await signOut(page);

	// Resident A (Jozef, vetted) posts a request, correcting a mistake on the way.
	const title = `Gordijnen ophangen ${Date.now().toString(36)}`;
	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await page.goto('/posts/new');
	await fillPost(page, {
		kind: 'Ik zoek hulp',
		category: 'Kleine klusjes in huis',
		title: '',
		body: 'De gordijnen moeten terug aan de rail. Ik kan niet meer op de ladder.'
	});
	await page.getByRole('button', { name: 'Versturen' }).click();
	await expect(page.getByLabel('Titel')).toHaveAccessibleDescription(
		/Schrijf in een paar woorden wat je zoekt/
	);
	await page.getByLabel('Titel').fill(title);
	await sendPost(page);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByText('Nog geen reacties.')).toBeVisible();
	await signOut(page);

	// B finds it with a filter and responds.
	await signIn(page, helper, PASSWORD);
	await page.goto('/posts');
	await page.getByLabel('Soort').selectOption({ label: 'Hulpvragen' });
	await page.getByLabel('Categorie').selectOption({ label: 'Kleine klusjes in huis' });
	await page.getByRole('button', { name: 'Toon' }).click();
	await page.getByRole('link', { name: title }).click();
	await page.getByRole('button', { name: 'Ik kan helpen' }).click();
	await expect(page.getByLabel('Je bericht')).toHaveAccessibleDescription(
		/Schrijf een kort bericht\./
	);
	await page.getByLabel('Je bericht').fill('Ik kan zaterdagvoormiddag, ik breng een ladder mee.');
	await page.getByRole('button', { name: 'Ik kan helpen' }).click();
	await expect(page.getByText('Je reactie is verstuurd.')).toBeVisible();
	await expectAccessible(page);
	const conversation = new URL(page.url()).pathname;
	await signOut(page);

	// A accepts; the request needed one helper, so it leaves the open list.
	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await page.goto('/posts/mine');
	await page.getByRole('link', { name: title }).click();
	await expect(page.getByText('Ik kan zaterdagvoormiddag, ik breng een ladder mee.')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Reactie van Wout aanvaarden' }).click();
	await expect(page.getByText('Jullie hebben een afspraak.')).toBeVisible();
	await page.goto('/posts');
	await expect(page.getByRole('link', { name: title })).toHaveCount(0);

	// A shows B the address; B shows A the phone number.
	await page.goto(conversation);
	await expect(page.getByText('De afspraak loopt.')).toBeVisible();
	await expect(page.getByText('Wout deelde nog geen gegevens.')).toBeVisible();
	await page.getByLabel('Mijn adres (straat en huisnummer)').check();
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('Opgeslagen.', { exact: true })).toBeVisible();
	await signOut(page);

	await signIn(page, helper, PASSWORD);
	await page.goto(conversation);
	await expect(page.getByRole('definition').filter({ hasText: /\d/ }).first()).toBeVisible();
	await expect(page.getByText('Adres', { exact: true })).toBeVisible();
	await expect(page.getByText('Telefoon', { exact: true })).toHaveCount(0);
	await page.getByLabel('Mijn telefoonnummer').check();
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('Opgeslagen.', { exact: true })).toBeVisible();

	// B writes; A is told by mail and follows the link.
	const since = Date.now();
	await page.getByLabel('Nieuw bericht').fill('Zaterdag om tien uur, is dat goed?');
	await page.getByRole('button', { name: 'Versturen' }).click();
	await expect(page.getByText('Zaterdag om tien uur, is dat goed?')).toBeVisible();
	await expectAccessible(page);
	await signOut(page);

	const mail = await waitForMail(DEMO.helper, {
		subject: /Wout stuurde je een bericht/,
		after: since
	});
	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await expect(page.getByRole('link', { name: 'Gesprekken (1 nieuw)' })).toBeVisible();
	await page.goto(linkIn(mail, /^\/conversations\/\d+$/));
	await expect(page.getByText('Zaterdag om tien uur, is dat goed?')).toBeVisible();
	await expect(page.getByText('0499 12 34 56')).toBeVisible();
	await page.getByLabel('Nieuw bericht').fill('Prima, tot zaterdag!');
	await page.getByRole('button', { name: 'Versturen' }).click();
	await expect(page.getByText('Prima, tot zaterdag!')).toBeVisible();

	// After the visit A marks it done; B sees that.
	await page.getByRole('button', { name: 'De hulp is gebeurd' }).click();
	await expect(page.getByText('De hulp is gebeurd. Dank je wel!')).toBeVisible();
	await signOut(page);
	await signIn(page, helper, PASSWORD);
	await page.goto(conversation);
	await expect(page.getByText('De hulp is gebeurd. Dank je wel!')).toBeVisible();
	await expect(page.getByText('Jozef gaf dit aan.')).toBeVisible();
});

test('only the two sides can read a conversation', async ({ page, signInAs }) => {
	await signIn(page, DEMO.resident, DEMO_PASSWORD);
	await page.goto('/conversations');
	// Maria's coffee request has a conversation with Sofie in the demo.
	const href = await page
		.getByRole('main')
		.getByRole('link', { name: 'Samen koffie drinken op woensdag' })
		.getAttribute('href');
	expect(href).toMatch(/^\/conversations\/\d+$/);
	await signOut(page);
	await signInAs(page, 'helper');
	expect((await page.goto(href!))?.status()).toBe(403);
});

test('a resident reports a post, and blocking hides the other person’s posts', async ({ page }) => {
	const email = uniqueEmail('blokkeer');
	await signUpAndVerify(page, { name: 'Ilse Wouters', email, password: PASSWORD });
	await signIn(page, email, PASSWORD);
	await page.goto('/posts');
	const cards = page.getByRole('list', { name: 'Resultaten' }).getByRole('listitem');
	const link = cards
		.filter({ hasText: 'Samen koffie drinken' })
		.or(cards.first())
		.first()
		.getByRole('link')
		.first();
	const title = (await link.textContent())!.trim();
	await link.click();
	await page.waitForURL(/\/posts\/\d+$/);
	const postUrl = page.url();

	await page.getByRole('link', { name: 'Dit bericht melden' }).click();
	await page.getByRole('button', { name: 'Melding versturen' }).click();
	await expect(page.getByLabel('Wat is er aan de hand?')).toHaveAccessibleDescription(
		/Zeg kort waarom\./
	);
	await page
		.getByLabel('Wat is er aan de hand?')
		.fill('Dit lijkt me geen vraag om hulp maar reclame.');
	await page.getByRole('button', { name: 'Melding versturen' }).click();
	await expect(page.getByText('De buurtwerker heeft je melding gekregen.')).toBeVisible();
	await expectAccessible(page);

	await page.goto(postUrl);
	await page.getByRole('link', { name: /^Over / }).click();
	await page.getByRole('button', { name: /blokkeren$/ }).click();
	await expect(page.getByText(/Je hebt .* geblokkeerd\./)).toBeVisible();
	await page.goto('/posts');
	await expect(page.getByRole('link', { name: title, exact: true })).toHaveCount(0);
});
