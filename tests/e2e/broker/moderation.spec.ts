import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test, uniqueEmail } from '../fixtures';
import { signIn, signOut, signUpAndVerify } from '../pages/auth';
import { fillPost, sendPost, setStreet } from '../pages/posts';
import { waitForMail } from '../smtp';

const PASSWORD = 'buren helpen buren graag';

test('a newcomer’s post waits; the broker rejects two with a reason and approves another; one rejected post is withdrawn, the other changed and approved', async ({
	page
}) => {
	// Two broker sign-ins: each may wait up to 30 s for a fresh single-use code.
	test.setTimeout(180_000);
	const email = uniqueEmail('nieuw');
	await signUpAndVerify(page, { name: 'Nele Nieuwkomer', email, password: PASSWORD });
	await signIn(page, email, PASSWORD);
	await setStreet(page, 'Kazernestraat', '9');
	const stamp = Date.now().toString(36);
	const first = `Iemand die mijn auto wast ${stamp}`;
	const second = `Hulp bij het uitladen van boodschappen ${stamp}`;
	const third = `Iemand die mijn hond uitlaat ${stamp}`;
	for (const title of [first, second, third]) {
		await page.goto('/posts/new');
		await fillPost(page, {
			kind: 'Ik zoek hulp',
			category: 'Boodschappen',
			title,
			body: 'Een korte vraag, om te zien of de buurtwerker ze goedkeurt.'
		});
		await sendPost(page);
		await expect(page.getByText('Status: Wacht op een controle')).toBeVisible();
	}
	await signOut(page);

	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto('/broker');
	await page.getByRole('link', { name: 'Vandaag' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Vandaag' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Berichten die wachten op een controle' }).click();
	await expectAccessible(page);

	const card = (title: string) =>
		page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
	await card(first).getByRole('button', { name: 'Afwijzen' }).click();
	await expect(card(first).getByText('Schrijf kort waarom, in gewone woorden.')).toBeVisible();
	const since = Date.now();
	await card(first)
		.getByLabel('Waarom kan het zo niet online? (de bewoner leest dit)')
		.fill('Een auto wassen is geen burenhulp zoals wij die bedoelen');
	await card(first).getByRole('button', { name: 'Afwijzen' }).click();
	await expect(page.getByText('Afgewezen. De bewoner krijgt de reden te lezen.')).toBeVisible();
	await card(second).getByRole('button', { name: 'Goedkeuren' }).click();
	await expect(page.getByText('Goedgekeurd. De bewoner krijgt bericht.')).toBeVisible();
	await card(third).getByRole('button', { name: 'Afwijzen' }).click();
	await card(third)
		.getByLabel('Waarom kan het zo niet online? (de bewoner leest dit)')
		.fill('Dieren uitlaten loopt via het dierenasiel');
	await card(third).getByRole('button', { name: 'Afwijzen' }).click();
	await expect(card(third)).toHaveCount(0);
	await signOut(page);

	const mail = await waitForMail(email, {
		subject: /kon niet online/,
		text: 'Een auto wassen is geen burenhulp',
		after: since
	});
	expect(mail.subject).toContain(first);
	await signIn(page, email, PASSWORD);
	await page.goto('/posts/mine');
	await page.getByRole('link', { name: first }).click();
	await expect(
		page.getByText('Een auto wassen is geen burenhulp zoals wij die bedoelen')
	).toBeVisible();
	await page.goto('/posts?sort=newest');
	await expect(page.getByRole('link', { name: second })).toBeVisible();
	await expect(page.getByRole('link', { name: first })).toHaveCount(0);

	// Nele withdraws one rejected post rather than change it.
	await page.goto('/posts/mine');
	const mine = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: third }) });
	await expect(mine.getByText('Niet goedgekeurd')).toBeVisible();
	await mine.getByRole('button', { name: 'Afsluiten' }).click();
	await expect(mine.getByText('Afgesloten')).toBeVisible();

	// Nele changes the other rejected post: it waits for the broker's check again.
	const changed = `Hulp bij het tuinafval naar het containerpark ${stamp}`;
	await page.goto('/posts/mine');
	await page.getByRole('link', { name: first }).click();
	await expect(page.getByText('Daarna kijkt de buurtwerker het opnieuw na.')).toBeVisible();
	await page.getByRole('link', { name: 'Wijzigen' }).click();
	await expect(page.getByText(/Pas het aan en bewaar/)).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Titel').fill(changed);
	await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: changed })).toBeVisible();
	await expect(page.getByText('Status: Wacht op een controle')).toBeVisible();
	await signOut(page);

	// The broker sees it back in the queue with the earlier reason, and approves it.
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto('/broker/moderation');
	await expect(
		card(changed).getByText(
			'Eerder afgewezen om: Een auto wassen is geen burenhulp zoals wij die bedoelen'
		)
	).toBeVisible();
	const approvedAt = Date.now();
	await card(changed).getByRole('button', { name: 'Goedkeuren' }).click();
	await expect(page.getByText('Goedgekeurd. De bewoner krijgt bericht.')).toBeVisible();
	await expect(card(changed)).toHaveCount(0);
	await signOut(page);
	await waitForMail(email, { subject: /staat online/, after: approvedAt });
	await signIn(page, email, PASSWORD);
	await page.goto('/posts?sort=newest');
	await expect(page.getByRole('link', { name: changed })).toBeVisible();
});

test('residents cannot open the broker’s Today and moderation pages', async ({
	asResident: page
}) => {
	for (const path of ['/broker/today', '/broker/moderation'])
		expect((await page.goto(path))?.status(), path).toBe(403);
});
