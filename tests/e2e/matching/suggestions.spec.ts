import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test } from '../fixtures';
import { signIn, signOut } from '../pages/auth';
import { compareHelpers, suggestionOf } from '../pages/broker';
import { fillPost } from '../pages/posts';
import { linkIn, waitForMail } from '../smtp';

test('a broker compares suggested helpers, proposes one, and the helper says yes', async ({
	page
}) => {
	// Jozef (vetted, so his request is open at once) asks for help with his phone.
	const title = `Hulp met mijn nieuwe smartphone ${Date.now().toString(36)}`;
	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await page.goto('/posts/new');
	await fillPost(page, {
		kind: 'Ik zoek hulp',
		category: 'Computer en telefoon',
		title,
		body: 'Ik kreeg een smartphone van mijn dochter en weet niet hoe ik foto’s kan bekijken.'
	});
	await page.getByRole('button', { name: 'Versturen' }).click();
	await signOut(page);

	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto('/broker');
	await page.getByRole('link', { name: 'Hulpvragen die een helper zoeken' }).click();
	await page.getByRole('link', { name: `Helpers zoeken voor "${title}"` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title);

	// Both neighbours who help with computers are suggested, each with the reasons why.
	const thomas = suggestionOf(page, 'Thomas De Smet');
	const lotte = suggestionOf(page, /^Lotte/);
	await expect(thomas.getByText('Biedt deze hulp aan')).toBeVisible();
	await expect(lotte.getByText('Helpt graag met dit soort hulp')).toBeVisible();
	await expectAccessible(page);

	const table = await compareHelpers(page, ['Thomas De Smet', /^Lotte/]);
	await expect(table.getByRole('row', { name: /Lopende afspraken/ })).toBeVisible();

	const since = Date.now();
	await thomas
		.getByLabel('Bericht aan de helper (niet verplicht)')
		.fill('Jozef is geduldig, maar hoort slecht.');
	await thomas.getByRole('button', { name: 'Stel Thomas De Smet voor' }).click();
	await expect(page.getByRole('status')).toContainText('Voorstel verstuurd.');
	await expect(page.getByText('Thomas De Smet: wacht op antwoord')).toBeVisible();
	await signOut(page);

	// Thomas reads the mail and says yes.
	const mail = await waitForMail('thomas@naburig.example', {
		subject: /Wil je helpen\?/,
		after: since
	});
	expect(mail.text).toContain('Jozef is geduldig, maar hoort slecht.');
	const link = linkIn(mail, /^\/proposals\/\d+$/);

	// Nobody else can open it.
	await signIn(page, DEMO.resident, DEMO_PASSWORD);
	expect((await page.goto(link))?.status()).toBe(403);
	await signOut(page);

	// Not only in the mail: the home page, the menu and the conversations show the proposal.
	await signIn(page, 'thomas@naburig.example', DEMO_PASSWORD);
	await page.goto('/');
	const waiting = page.getByRole('region', { name: 'Voorstellen voor jou' });
	await expect(waiting.getByRole('link', { name: title })).toBeVisible();
	await expectAccessible(page);
	await page
		.getByRole('navigation', { name: 'Hoofdmenu' })
		.getByRole('link', { name: /^Voorstellen \(\d+\)$/ })
		.click();
	await expect(page.getByRole('heading', { name: 'Gesprekken', level: 1 })).toBeVisible();
	await waiting.getByRole('link', { name: title }).click();
	await expect(page).toHaveURL(link);
	// When, how long and how far, and how the contact will go.
	const facts = page.getByRole('article');
	await expect(facts.getByRole('definition').nth(0)).toHaveText('Wanneer het past');
	await expect(facts.getByText('Hoe lang', { exact: true })).toBeVisible();
	await expect(facts.getByText('Afstand', { exact: true })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Hoe jullie contact krijgen' })).toContainText(
		'Zeg je ja, dan sturen jij en Jozef elkaar berichten in jullie gesprek op Naburig.'
	);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Ja, ik help' }).click();
	await expect(page.getByRole('status')).toContainText('Jullie zijn nu gekoppeld');
	await page.reload();
	await expect(page.getByRole('status')).toContainText('Je gaf hier al antwoord op.');
	// Answered, it leaves the home page.
	await page.goto('/');
	await expect(page.getByRole('link', { name: title })).toHaveCount(0);
});

test('residents cannot open the broker’s suggestions', async ({ asResident: page }) => {
	expect((await page.goto('/broker/requests'))?.status()).toBe(403);
	expect((await page.goto('/broker/posts/1/suggestions'))?.status()).toBe(403);
});
