import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test, uniqueLetters } from '../fixtures';
import { advanceClock, serverNow } from '../clock';
import { brusselsDate, nextWeekday, spokenDate } from '../dates';
import { signIn, signOut } from '../pages/auth';
import { fillIntake, suggestionOf, type Caller } from '../pages/broker';
import { fillPost } from '../pages/posts';
import { linkIn, waitForMail } from '../smtp';

const THOMAS = 'thomas@naburig.example';

test('someone reached by letter: the follow-up is a letter to print, and the reply the broker types in answers it', async ({
	page
}) => {
	// Three sign-ins with a code step and a jump of two weeks for the follow-up job.
	test.setTimeout(240_000);

	const caller: Caller = {
		name: `Margriet ${uniqueLetters()}`,
		phone: '03 289 14 77',
		street: 'Exercitiestraat',
		house: '23',
		languages: ['Nederlands'],
		contactBy: 'Brief via een buur'
	};
	const title = `Formulier van de huurbaas invullen ${uniqueLetters()}`;
	const tuesday = nextWeekday(brusselsDate(await serverNow(page.request)), 2);

	// --- The broker registers her (no e-mail, reached by letter) and posts her request. ---
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto('/broker/intake');
	await fillIntake(page, caller);
	await page.getByRole('button', { name: 'Inschrijven' }).click();
	await expect(page.getByRole('heading', { name: caller.name, level: 1 })).toBeVisible();
	await page.getByRole('link', { name: `Vraag of aanbod plaatsen voor ${caller.name}` }).click();
	await fillPost(page, {
		kind: 'Ik zoek hulp',
		category: 'Computer en telefoon',
		title,
		body: 'Ik kreeg een formulier op de computer van de huurbaas. Wie helpt me het in te vullen?',
		when: { date: tuesday, from: '19:00', to: '20:30' }
	});
	await page.getByRole('button', { name: 'Versturen' }).click();
	await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();

	// --- She gets a helper: the broker proposes Thomas, who says yes. ---
	await page.getByRole('link', { name: 'Helpers voorstellen' }).click();
	const proposedAt = Date.now();
	await suggestionOf(page, 'Thomas De Smet')
		.getByRole('button', { name: 'Stel Thomas De Smet voor' })
		.click();
	await expect(page.getByRole('status')).toContainText('Voorstel verstuurd.');
	await signOut(page);
	const proposal = await waitForMail(THOMAS, {
		subject: /^Wil je helpen\?/,
		text: title,
		after: proposedAt
	});
	await signIn(page, THOMAS, DEMO_PASSWORD);
	await page.goto(linkIn(proposal, /^\/proposals\/\d+$/));
	await page.getByRole('button', { name: 'Ja, ik help' }).click();
	await expect(page.getByRole('status')).toContainText('Jullie zijn nu gekoppeld');
	await signOut(page);

	// --- Two weeks and an hour after the match, the follow-up job asks both sides. ---
	const beforeFollowUp = Date.now();
	const now = await advanceClock(page.request, { days: 14, hours: 1 });
	await waitForMail(THOMAS, {
		subject: /^Hoe ging het met Margriet\?$/,
		text: title,
		after: beforeFollowUp
	});

	// --- Today says there are letters to print; the list shows hers. ---
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto('/broker/today');
	await page.getByRole('link', { name: /^Brieven om te printen\s*: [1-9]\d*$/ }).click();
	await expect(
		page.getByRole('heading', { name: 'Brieven om te printen', level: 1 })
	).toBeVisible();
	const followUpLetter = page
		.getByRole('listitem')
		.filter({ hasText: `Voor ${caller.name}` })
		.filter({ hasText: 'Opvolging' });
	await expect(followUpLetter).toHaveCount(1);
	await expect(followUpLetter).toContainText(`${caller.street} ${caller.house}`);
	await expect(followUpLetter).toContainText('Hoe ging het met Thomas?');
	await expectAccessible(page);

	// --- The letter: her name and address, the question, the neighbourhood's number, the date. ---
	await followUpLetter.getByRole('link', { name: `Voor ${caller.name}` }).click();
	await expect(
		page.getByRole('heading', { name: `Brief voor ${caller.name}`, level: 1 })
	).toBeVisible();
	const letter = page.getByRole('article', { name: `Brief voor ${caller.name}` });
	await expect(letter.locator('address')).toHaveText(
		new RegExp(`${caller.name}\\s*${caller.street} ${caller.house}`)
	);
	await expect(letter).toContainText(
		`Twee weken geleden spraken jij en Thomas af om elkaar te helpen met "${title}"`
	);
	await expect(letter).toContainText('Oud-Oefenplein');
	await expect(letter).toContainText('0470 11 22 33');
	await expect(letter).toContainText(spokenDate(brusselsDate(now), { withWeekday: false }));
	// The reply form on paper: the follow-up page's questions, to tick and write on.
	const reply = letter.getByRole('region', { name: 'Antwoordstrook' });
	await expect(reply).toContainText('Hoe ging het?');
	await expect(reply).toContainText('Het ging goed');
	await expect(reply).toContainText('Bel me alsjeblieft');
	await expect(reply).toContainText('Gaan jullie verder?');
	await expect(reply).toContainText('of bel ons: 0470 11 22 33.');
	await expectAccessible(page);

	// On paper only the letter: no menu, no buttons, large type.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Printen' })).toBeHidden();
	await expect(letter).toBeVisible();
	const fontPt = await letter.evaluate((el) => parseFloat(getComputedStyle(el).fontSize) * 0.75);
	expect(fontPt).toBeGreaterThanOrEqual(14);
	await page.emulateMedia({ media: 'screen' });

	// --- Printed: marked once, it leaves the list (and can still be printed again). ---
	await page.getByRole('button', { name: 'Markeer als geprint' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'De brief is gemarkeerd als geprint. Hij staat niet meer op de lijst.'
	);
	await expect(page.getByRole('button', { name: 'Markeer als geprint' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Printen' })).toBeVisible();
	await page.getByRole('link', { name: 'Terug naar de brieven om te printen' }).click();
	await expect(
		page.getByRole('heading', { name: 'Brieven om te printen', level: 1 })
	).toBeVisible();
	await expect(followUpLetter).toHaveCount(0);
	await page.goBack();

	// --- The reply form comes back: the broker types it in on the follow-up page. ---
	await page.getByRole('link', { name: 'Het antwoord invullen' }).click();
	await expect(page.getByRole('heading', { name: 'Opvolging', level: 1 })).toBeVisible();
	await expect(page.getByText(`Gevraagd: ${caller.name}`)).toBeVisible();
	await expect(page.getByText('Gevraagd per brief')).toContainText('geprint op');
	await page.getByRole('radio', { name: 'Het ging goed' }).check();
	await page.getByRole('radio', { name: 'Ja', exact: true }).check();
	await page
		.getByLabel(/Wil je ons nog iets vertellen/)
		.fill('Per brief: Thomas vulde alles met haar in, ze is heel tevreden.');
	await page.getByRole('button', { name: 'Verstuur mijn antwoord' }).click();
	await expect(page.getByText('Het antwoord is bewaard.')).toBeVisible();

	// The follow-up counts as answered: its answer is where the broker reads follow-up answers.
	await page.reload();
	const answer = page
		.getByRole('listitem')
		.filter({ hasText: 'Per brief: Thomas vulde alles met haar in' });
	await expect(answer).toContainText(caller.name);
	await expect(answer).toContainText('Het ging goed');
	await expect(answer).toContainText('ingevuld door een buurtwerker');
	await expect(page.getByText('Deze opvolging is al beantwoord.')).toBeVisible();
});
