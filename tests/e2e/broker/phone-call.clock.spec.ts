import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test, uniqueLetters } from '../fixtures';
import { advanceClock, serverNow } from '../clock';
import { brusselsDate, nextWeekday } from '../dates';
import { signIn, signOut } from '../pages/auth';
import { compareHelpers, fillIntake, suggestionOf, type Caller } from '../pages/broker';
import { fillPost } from '../pages/posts';
import { linkIn, waitForMail } from '../smtp';

const THOMAS = 'thomas@naburig.example';

test('a broker takes a call: nobody found, registers the caller, posts and proposes a helper; two weeks on she is called', async ({
	page
}) => {
	// Two sign-ins as the broker and one as the helper, each waiting for a fresh code, and a jump
	// of two weeks for the follow-up job: well past the ordinary 60 s.
	test.setTimeout(240_000);

	const caller: Caller = {
		name: `Godelieve ${uniqueLetters()}`,
		phone: '03 289 14 52',
		// Close to Thomas (Vaandelstraat), further from Lotte (Trompetterslaan).
		street: 'Exercitiestraat',
		house: '17',
		languages: ['Nederlands'],
		contactBy: 'Telefoon'
	};
	const title = `Videobellen met mijn kleinzoon ${uniqueLetters()}`;
	// Next Tuesday evening in Brussels, as the clock server sees it: Thomas, who offers computer
	// and phone help, is free on Tuesday evenings; Lotte, who likes to help with it, is not.
	const tuesday = nextWeekday(brusselsDate(await serverNow(page.request)), 2);

	// --- The phone rings. The broker looks the caller up as she says her name: nobody. ---
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto('/broker/residents');
	await expect(page.getByRole('heading', { name: 'Bewoners', level: 1 })).toBeVisible();
	await expect(page.getByText('Niemand gevonden.')).toHaveCount(0);
	await page.getByLabel('Zoek een bewoner').pressSequentially(caller.name, { delay: 30 });
	// The list follows the typing, without pressing "Zoeken".
	await expect(page).toHaveURL((url) => url.searchParams.get('q') === caller.name);
	await expect(page.getByText('Niemand gevonden.')).toBeVisible();
	await expectAccessible(page);

	// --- She is registered and her request posted, while she is on the line. ---
	const intakeOpened = Date.now();
	await page.getByRole('link', { name: 'Iemand nieuw inschrijven' }).click();
	// What the broker typed in the search is there already.
	await expect(page.getByLabel('Naam', { exact: true })).toHaveValue(caller.name);
	await fillIntake(page, caller);
	await page.getByRole('button', { name: 'Inschrijven' }).click();
	await expect(page.getByRole('heading', { name: caller.name, level: 1 })).toBeVisible();
	await expect(page.getByText('Toestemming genoteerd door An')).toBeVisible();
	const personUrl = page.url();

	await page.getByRole('link', { name: `Vraag of aanbod plaatsen voor ${caller.name}` }).click();
	await fillPost(page, {
		kind: 'Ik zoek hulp',
		category: 'Computer en telefoon',
		title,
		body: 'Ik kreeg een tablet. Wie toont me hoe ik mijn kleinzoon in Spanje kan zien en horen?',
		when: { date: tuesday, from: '19:00', to: '20:30' }
	});
	await page.getByRole('button', { name: 'Versturen' }).click();
	await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
	await expect(page.getByText('Geplaatst door de buurtwerker')).toBeVisible();
	const postUrl = page.url();
	// She asked, not the broker: the broker finds her a helper instead of answering it.
	await expect(page.getByRole('button', { name: 'Ik kan helpen' })).toHaveCount(0);
	await expect(
		page.getByText(`Jij plaatste deze vraag voor Godelieve. Je helpt niet zelf`)
	).toBeVisible();
	console.log(
		`Phone intake: intake form opened to request posted in ${((Date.now() - intakeOpened) / 1000).toFixed(1)} s`
	);

	// --- From the request straight to the suggestions, each helper with the reasons why. ---
	await page.getByRole('link', { name: 'Helpers voorstellen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
	await expect(page.getByText('Gevraagd moment: dinsdag')).toBeVisible();
	const thomas = suggestionOf(page, 'Thomas De Smet');
	const lotte = suggestionOf(page, /^Lotte/);
	// Thomas is ranked first: he offers this help, is free then and lives closer.
	await expect(page.getByRole('listitem').getByRole('heading', { level: 2 }).first()).toHaveText(
		'Thomas De Smet'
	);
	await expect(thomas.getByText('Biedt deze hulp aan')).toBeVisible();
	await expect(thomas.getByText('Is meestal vrij op dat moment')).toBeVisible();
	await expect(thomas.getByText('Spreekt een taal van de vrager')).toBeVisible();
	await expect(lotte.getByText('Helpt graag met dit soort hulp')).toBeVisible();
	await expect(lotte.getByText('Is meestal niet vrij op dat moment')).toBeVisible();

	// Side by side: the difference is the evening.
	const table = await compareHelpers(page, ['Thomas De Smet', /^Lotte/]);
	await expect(table.getByRole('row', { name: /Vrij op dat moment\s+ja\s+nee/ })).toBeVisible();
	await expect(
		table.getByRole('row', { name: /Soort hulp\s+biedt aan\s+helpt graag/ })
	).toBeVisible();

	const proposedAt = Date.now();
	await thomas
		.getByLabel('Bericht aan de helper (niet verplicht)')
		.fill('Godelieve hoort slecht: bel lang aan en wacht even.');
	await thomas.getByRole('button', { name: 'Stel Thomas De Smet voor' }).click();
	await expect(page.getByRole('status')).toContainText('Voorstel verstuurd.');
	const proposals = page.getByRole('region', { name: 'Voorstellen en antwoorden' });
	await expect(proposals).toContainText('Thomas De Smet: wacht op antwoord');
	await expectAccessible(page);
	await signOut(page);

	// --- Thomas gets the mail, follows the link, signs in when asked, and says yes. ---
	const proposalMail = await waitForMail(THOMAS, {
		subject: /^Wil je helpen\?/,
		text: title,
		after: proposedAt
	});
	expect(proposalMail.text).toContain('Godelieve hoort slecht: bel lang aan en wacht even.');
	const link = linkIn(proposalMail, /^\/proposals\/\d+$/);
	await page.goto(link);
	await expect(page).toHaveURL(/\/sign-in/);
	await signIn(page, THOMAS, DEMO_PASSWORD);
	await page.goto(link);
	await expect(page.getByRole('heading', { name: 'Wil je helpen?', level: 1 })).toBeVisible();
	await expect(page.getByText('De buurtwerker stelt voor dat jij Godelieve helpt.')).toBeVisible();
	// She has no e-mail: Thomas reads how they will get in touch.
	await expect(page.getByRole('region', { name: 'Hoe jullie contact krijgen' })).toContainText(
		'Godelieve heeft geen e-mail. Zeg je ja, dan belt de buurtwerker Godelieve'
	);
	await page.getByRole('button', { name: 'Ja, ik help' }).click();
	await expect(page.getByRole('status')).toContainText('Jullie zijn nu gekoppeld');
	await expectAccessible(page);

	// Thomas sees the match in their conversation.
	await page.getByRole('link', { name: 'Naar jullie gesprek' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
	const match = page.getByRole('region', { name: 'Jullie afspraak' });
	await expect(match).toContainText('De afspraak loopt.');
	await expect(match).toContainText('Godelieve deelde nog geen gegevens.');
	await signOut(page);

	// --- The broker sees the match on the request, and calls Godelieve to tell her. ---
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto(postUrl);
	await expect(page.getByText('Afspraak gemaakt met Thomas De Smet.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Helpers voorstellen' })).toHaveCount(0);
	await expectAccessible(page);
	await page.goto(postUrl.replace('/posts/', '/broker/posts/') + '/suggestions');
	await expect(proposals).toContainText('Thomas De Smet: aanvaard');

	// She has no e-mail: the news is a call on her page and on Today, saying whom to call and what
	// to tell her.
	await page.goto(personUrl);
	const calls = page.getByRole('region', { name: 'Te bellen' });
	await expect(calls).toContainText(`Bel ${caller.name}: Thomas De Smet helpt met "${title}"`);
	await expect(calls).toContainText('Vertel Godelieve dat Thomas ja zei');
	await page.goto('/broker/today');
	const news = page
		.getByRole('listitem')
		.filter({ hasText: `Over ${caller.name}` })
		.filter({ hasText: `Bel ${caller.name}: Thomas De Smet helpt met "${title}"` });
	await expect(news).toContainText(caller.phone);
	await expect(news).toContainText(
		'Vraag wanneer en hoe Thomas het best kan bellen of langskomen, en geef dat door aan Thomas.'
	);
	await expectAccessible(page);
	// A broker who reads English reads the same task in English.
	await page
		.getByRole('navigation', { name: 'Taal' })
		.getByRole('link', { name: 'English' })
		.click();
	await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
	await expect(
		page.getByRole('listitem').filter({ hasText: `About ${caller.name}` })
	).toContainText(`Call ${caller.name}: Thomas De Smet will help with "${title}"`);
	await expect(
		page.getByRole('listitem').filter({ hasText: `About ${caller.name}` })
	).toContainText('Tell Godelieve that Thomas said yes');
	await page
		.getByRole('navigation', { name: 'Language' })
		.getByRole('link', { name: 'Nederlands' })
		.click();
	await expect(page.getByRole('heading', { name: 'Vandaag', level: 1 })).toBeVisible();
	await news
		.getByLabel('Wat kwam eruit?')
		.fill('Gebeld: ze verwacht Thomas dinsdag om 19 uur. Hij mag haar nummer krijgen.');
	await news.getByRole('button', { name: 'Afgehandeld' }).click();
	await expect(page.getByText('De taak is afgehandeld.')).toBeVisible();
	await expect(news).toHaveCount(0);
	await signOut(page);

	// --- Two weeks and an hour after the match: the follow-up job asks both sides. ---
	const beforeFollowUp = Date.now();
	await advanceClock(page.request, { days: 14, hours: 1 });
	// Thomas is asked by mail: the job has run.
	await waitForMail(THOMAS, {
		subject: /^Hoe ging het met Godelieve\?$/,
		text: title,
		after: beforeFollowUp
	});

	// Godelieve has no e-mail, so her follow-up is a call on the broker's Today.
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto('/broker/today');
	const followUpCall = page
		.getByRole('listitem')
		.filter({ hasText: 'Bellen (geen e-mail)' })
		.filter({ hasText: `Over ${caller.name}` })
		.filter({ hasText: 'Hoe ging het met Thomas?' });
	await expect(followUpCall).toContainText(title);
	await expect(followUpCall).toContainText(caller.phone);
	// Words to read out, none about a link she does not have.
	await expect(followUpCall).not.toContainText('link');
	await expectAccessible(page);

	// The broker calls, asks, and enters her answer.
	await followUpCall.getByRole('link', { name: 'Antwoord invullen' }).click();
	await expect(page.getByRole('heading', { name: 'Opvolging', level: 1 })).toBeVisible();
	await expect(page.getByText(`Gevraagd: ${caller.name}`)).toBeVisible();
	await page.getByRole('radio', { name: 'Het ging goed' }).check();
	await page.getByRole('radio', { name: 'Ja', exact: true }).check();
	await page
		.getByLabel(/Wil je ons nog iets vertellen/)
		.fill('Telefonisch: ze ziet haar kleinzoon nu elke zondag. Thomas komt nog eens langs.');
	await page.getByRole('button', { name: 'Verstuur mijn antwoord' }).click();
	await expect(page.getByText('Het antwoord is bewaard.')).toBeVisible();

	// Answered, the call leaves Today.
	await page.goto('/broker/today');
	await expect(page.getByRole('heading', { name: 'Vandaag', level: 1 })).toBeVisible();
	await expect(followUpCall).toHaveCount(0);
});
