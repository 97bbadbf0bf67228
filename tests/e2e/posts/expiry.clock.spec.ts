import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test } from '../fixtures';
import { advanceClock } from '../clock';
import { signIn, signOut } from '../pages/auth';
import { fillPost, myPostCards } from '../pages/posts';
import { linkIn, waitForMail } from '../smtp';

test('a poster is mailed before a request leaves the list and keeps it with one click', async ({
	page
}) => {
	// The admin shortens how long requests stay up in the demo neighbourhood.
	await signIn(page, DEMO.admin, DEMO_PASSWORD);
	await page.goto('/admin/neighbourhoods/1');
	await page.getByLabel('Een hulpvraag blijft hoeveel dagen staan').fill('3');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(
		page.getByLabel('Een hulpvraag blijft hoeveel dagen staan')
	).toHaveAccessibleDescription(/Kies een aantal dagen van 7 tot 365\./);
	await page.getByLabel('Een hulpvraag blijft hoeveel dagen staan').fill('7');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('Opgeslagen.')).toBeVisible();
	await signOut(page);

	// Jozef has a trust badge, so his request is on the list at once.
	const title = `Hulp bij de tuin ${Date.now().toString(36)}`;
	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await page.goto('/posts/new');
	await fillPost(page, {
		kind: 'Ik zoek hulp',
		category: 'Klusjes',
		title,
		body: 'De haag moet gesnoeid worden voor de winter. Ik heb een schaar maar geen ladder.'
	});
	await page.getByRole('button', { name: 'Versturen' }).click();
	await page.goto('/posts/mine');
	const card = myPostCards(page, title);
	await expect(card.getByText('Blijft in de lijst tot')).toBeVisible();
	await expect(card.getByRole('button', { name: 'Nog nodig' })).toHaveCount(0);

	// Three days before the end, the mail comes.
	const since = Date.now();
	await advanceClock(page.request, { days: 4, hours: 1 });
	const mail = await waitForMail(DEMO.helper, {
		subject: /Is je hulpvraag nog nodig\?/,
		after: since
	});
	expect(mail.text).toContain(title);
	const link = linkIn(mail, /^\/posts\/\d+\/still-needed\//);

	// The link works without signing in; opening it changes nothing until the button is pressed.
	await signOut(page);
	await page.goto(link);
	await expect(page.getByRole('heading', { name: 'Is je hulpvraag nog nodig?' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Ja, ik heb nog hulp nodig' }).click();
	await expect(page.getByRole('status')).toContainText(`blijft in de lijst staan tot`);

	// Used once; a changed link does nothing either.
	await page.goto(link);
	await expect(page.getByRole('alert')).toContainText('Deze link werkt niet (meer).');
	await page.goto(link.replace(/still-needed\/.+$/, 'still-needed/tampered'));
	await expect(page.getByRole('alert')).toContainText('Deze link werkt niet (meer).');

	// Back to the usual setting for the other tests on this server.
	await signIn(page, DEMO.admin, DEMO_PASSWORD);
	await page.goto('/admin/neighbourhoods/1');
	await page.getByLabel('Een hulpvraag blijft hoeveel dagen staan').fill('30');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('Opgeslagen.')).toBeVisible();
});
