import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test, uniqueEmail } from '../fixtures';
import { signIn, signOut, signUpAndVerify } from '../pages/auth';
import { fillPost, sendPost, setStreet } from '../pages/posts';

const PASSWORD = 'buren helpen buren graag';

test('a report leads to a suspension: the person is out, their post disappears, and it can be lifted', async ({
	page,
	signInAs
}) => {
	// Three broker sign-ins: each may wait up to 30 s for a fresh single-use code.
	test.setTimeout(240_000);
	// A newcomer posts an offer; the broker approves it, so it is public.
	const email = uniqueEmail('verkoper');
	await signUpAndVerify(page, { name: 'Victor Verkoper', email, password: PASSWORD });
	await signIn(page, email, PASSWORD);
	await setStreet(page, 'Kazernestraat', '21');
	const title = `Goedkope zonnepanelen ${Date.now().toString(36)}`;
	await page.goto('/posts/new');
	await fillPost(page, {
		kind: 'Ik bied hulp',
		category: 'Kleine klusjes in huis',
		title,
		body: 'Ik help je graag aan zonnepanelen, vraag naar mijn prijzen.'
	});
	await sendPost(page);
	await expect(page.getByText('Status: Wacht op een controle')).toBeVisible();
	const postUrl = page.url();
	await signOut(page);

	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto('/broker/moderation');
	const waiting = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: title }) });
	await waiting.getByRole('button', { name: 'Goedkeuren' }).click();
	await expect(page.getByRole('heading', { name: title })).toHaveCount(0);
	await signOut(page);

	// Maria finds it, and reports the person behind it.
	await signIn(page, DEMO.resident, DEMO_PASSWORD);
	await page.goto(postUrl);
	await page
		.getByRole('link', { name: /Victor/ })
		.first()
		.click();
	await page.getByRole('link', { name: 'Deze persoon melden' }).click();
	await page.getByLabel('Wat is er aan de hand?').fill('Hij belt aan bij ouderen om te verkopen.');
	await page.getByRole('button', { name: 'Melding versturen' }).click();
	await expect(page.getByText('De buurtwerker heeft je melding gekregen.')).toBeVisible();
	await signOut(page);

	// The broker opens the person from the report and suspends them, with a reason.
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto('/broker/moderation#reports');
	await page
		.getByRole('listitem')
		.filter({ hasText: 'Hij belt aan bij ouderen om te verkopen.' })
		.getByRole('link', { name: 'Open hun pagina (badges, schorsing)' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Victor Verkoper' })).toBeVisible();
	// A confidential note first: what the broker heard.
	await page.getByLabel('Nieuwe notitie').fill('Twee buren meldden deurverkoop; zelf gebeld.');
	await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
	await expect(page.getByText('De notitie is bewaard.')).toBeVisible();
	await expect(page.getByText('Twee buren meldden deurverkoop; zelf gebeld.')).toBeVisible();
	await page.getByRole('button', { name: 'Schors deze persoon' }).click();
	await expect(page.getByLabel('Reden (de persoon leest dit)')).toHaveAccessibleDescription(
		/Zeg kort waarom\./
	);
	await page.getByLabel('Reden (de persoon leest dit)').fill('Verkopen aan de deur mag hier niet.');
	await page.getByRole('button', { name: 'Schors deze persoon' }).click();
	await expect(page.getByText('Geschorst: afgemeld, berichten uit beeld')).toBeVisible();
	await expectAccessible(page);
	await signOut(page);

	// The post is gone for residents; the person cannot sign in and reads why.
	await signIn(page, DEMO.resident, DEMO_PASSWORD);
	await page.goto('/posts?kind=offer');
	await expect(page.getByRole('link', { name: title })).toHaveCount(0);
	expect((await page.goto(postUrl))?.status()).toBe(404);
	await signOut(page);
	await page.goto('/sign-in');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(page.getByText('Reden: Verkopen aan de deur mag hier niet.')).toBeVisible();

	// Lifting it brings the post back.
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto('/broker/residents');
	await page.getByLabel('Zoek een bewoner').fill('Victor');
	await page.getByRole('button', { name: 'Zoeken' }).click();
	await page.getByRole('link', { name: 'Victor Verkoper' }).click();
	await page.getByRole('button', { name: 'Hef de schorsing op' }).click();
	await expect(
		page.getByText('De schorsing is opgeheven; de berichten staan terug.')
	).toBeVisible();
	await page.goto('/posts?kind=offer');
	await expect(page.getByRole('link', { name: title })).toBeVisible();
	await signOut(page);

	// The confidential note never reaches a resident: not on the person's public profile.
	await signInAs(page, 'resident');
	await page.goto(postUrl);
	await page.locator('a[href^="/people/"]').first().click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Victor');
	expect(await page.content()).not.toContain('deurverkoop');
});
