import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test, uniqueEmail } from '../fixtures';
import { signIn, signOut } from '../pages/auth';
import { fillPost } from '../pages/posts';
import { linkIn, waitForMail } from '../smtp';

const stamp = () => Date.now().toString(36);

test('a newcomer goes from "Ik zoek hulp" through sign-up and the mail straight to a sent request', async ({
	page
}) => {
	const email = uniqueEmail('eerste');
	const since = Date.now();

	// A visitor on the way to ask for help is sent to sign in, and offered an account instead.
	await page.goto('/posts/new?kind=request');
	await expect(page).toHaveURL(/\/sign-in\?next=/);
	await expect(page.getByText('Nieuw hier?')).toBeVisible();
	await page.getByRole('link', { name: 'Nog geen account? Maak er een.' }).click();
	await page.getByLabel('Je naam').fill('Jeanine');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Kies een wachtwoord').fill('soep koken voor de hele straat');
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByRole('heading', { name: 'Kijk in je mailbox' })).toBeVisible();

	// One button on the mail's page (a mail scanner only fetching the link uses nothing up), and
	// the person is signed in on the form, asking for help, without signing in again.
	const mail = await waitForMail(email, { subject: /Bevestig je e-mailadres/, after: since });
	const link = linkIn(mail, /^\/verify-email\//);
	await page.goto(link);
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page).toHaveURL(/\/posts\/new\?kind=request$/);
	await expect(page.getByText('Aangemeld als Jeanine')).toBeVisible();
	await expect(page.getByRole('radio', { name: /Ik zoek hulp/ })).toBeChecked();
	await expectAccessible(page);

	// No street in the profile yet: the form asks for it, and keeps everything when it is missing.
	const title = `Hulp bij de boodschappen ${stamp()}`;
	const body = 'Ik mag na een operatie niet tillen. Wie doet zaterdag mijn boodschappen mee?';
	await fillPost(page, { kind: 'Ik zoek hulp', category: 'Boodschappen', title, body });
	await page.getByLabel('Huisnummer').fill('17');
	await page.getByRole('button', { name: 'Versturen' }).click();
	await expect(page.getByLabel('Je straat')).toHaveAccessibleDescription(
		/Kies de straat waar je woont\./
	);
	await expect(page.getByLabel('Titel')).toHaveValue(title);
	await expect(page.getByLabel('Wat precies?')).toHaveValue(body);
	await expect(page.getByLabel('Huisnummer')).toHaveValue('17');
	await expectAccessible(page);

	await page.getByLabel('Je straat').selectOption({ label: 'Vaandelstraat' });
	await page.getByRole('button', { name: 'Versturen' }).click();

	// The page after sending: focus on its heading, and what happens next.
	const heading = page.getByRole('heading', { level: 1, name: 'Je hulpvraag is verstuurd' });
	await expect(heading).toBeFocused();
	await expect(page.getByText(title)).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Wat gebeurt er nu?' })).toBeVisible();
	await expect(
		page.getByText('Je bericht wacht op een controle door de buurtwerker.')
	).toBeVisible();
	await expect(page.getByText(/Reageert er na 3 dagen nog niemand\?/)).toBeVisible();
	await expect(page.getByText(/Bel de buurtwerker van .*:/)).toBeVisible();
	await expect(page.getByRole('link', { name: '0470 11 22 33' })).toHaveAttribute(
		'href',
		'tel:0470112233'
	);
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Bekijk je bericht' }).click();
	await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
	await expect(page.getByText('Status: Wacht op een controle')).toBeVisible();

	// The street was saved to the profile, so the next post does not ask again.
	await page.goto('/profile');
	await expect(page.getByLabel('Je straat').locator('option:checked')).toHaveText('Vaandelstraat');
	await expect(page.getByLabel('Huisnummer')).toHaveValue('17');

	// The mail's link works once: opened again, it says so and offers to sign in.
	await page.getByRole('button', { name: 'Afmelden', exact: true }).click();
	await page.goto(link);
	await expect(page.getByText('Deze link is al gebruikt.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Bevestigen' })).toHaveCount(0);
	await page.getByRole('main').getByRole('link', { name: 'Aanmelden' }).click();
	await expect(page).toHaveURL(/\/sign-in\?next=%2Fposts%2Fnew%3Fkind%3Drequest$/);
});

test('a resident with a street goes from "Ik bied hulp" straight to the form without street fields', async ({
	page,
	signInAs
}) => {
	await signIn(page, DEMO.resident, DEMO_PASSWORD);
	await page.goto('/posts/new?kind=offer');
	await expect(page.getByRole('radio', { name: /Ik bied hulp/ })).toBeChecked();
	await expect(page.getByLabel('Je straat')).toHaveCount(0);
	await expect(page.getByLabel('Huisnummer')).toHaveCount(0);

	const title = `Soep op woensdag ${stamp()}`;
	await fillPost(page, {
		kind: 'Ik bied hulp',
		category: 'Sociaal contact',
		title,
		body: 'Ik maak elke woensdag te veel soep. Wie wil een kom komen halen?'
	});
	await page.getByRole('button', { name: 'Versturen' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Je aanbod is verstuurd' })
	).toBeFocused();
	await expect(page.getByText(title)).toBeVisible();
	await expect(page.getByText('Je bericht staat online.')).toBeVisible();
	await expect(page.getByText(/Reageert er na/)).toHaveCount(0);
	await expectAccessible(page);

	// The page is the poster's alone: a visitor is sent to sign in, a neighbour finds nothing.
	const sentUrl = new URL(page.url()).pathname;
	await signOut(page);
	await page.goto(sentUrl);
	await expect(page).toHaveURL(/\/sign-in\?next=/);
	await signInAs(page, 'helper');
	expect((await page.goto(sentUrl))?.status()).toBe(404);
});
