import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test } from '../fixtures';
import { advanceClock, waitUntilMailsAboutSent } from '../clock';
import { signIn, signOut } from '../pages/auth';
import { fillPost, sendPost } from '../pages/posts';
import { linkIn, readMails, waitForMail } from '../smtp';

const LOTTE = 'lotte@naburig.example';

test('two weeks after a match both sides are asked how it went; the broker follows up', async ({
	page
}) => {
	// Jozef (vetted, so no moderation) asks for help; Lotte responds; Jozef accepts.
	const title = `Hond uitlaten ${Date.now().toString(36)}`;
	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await page.goto('/posts/new');
	await fillPost(page, {
		kind: 'Ik zoek hulp',
		category: 'Hond uitlaten',
		title,
		body: 'Mijn knie is geopereerd. Wie wandelt een week lang met Bobby rond de middag?'
	});
	await sendPost(page);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await signOut(page);

	// Lotte reads the site in English, her language.
	await page.goto('/sign-in');
	await page.getByLabel('E-mailadres').fill(LOTTE);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
	await page.goto('/posts?kind=request');
	await page.getByRole('link', { name: title }).click();
	await page.getByLabel('Your message').fill('Ik kan elke middag, ik woon om de hoek.');
	await page.getByRole('button', { name: 'I can help' }).click();
	await expect(page.getByText('Your response was sent.')).toBeVisible();
	await page.getByRole('button', { name: 'Sign out', exact: true }).click();
	await page.context().clearCookies();

	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await page.goto('/posts/mine');
	await page.getByRole('link', { name: title }).click();
	await page.getByRole('button', { name: 'Reactie van Lotte aanvaarden' }).click();
	await expect(page.getByText('Jullie hebben een afspraak.')).toBeVisible();
	await signOut(page);

	// Nothing is asked before the two weeks are over.
	const since = Date.now();
	await advanceClock(page.request, { days: 13 });
	await waitUntilMailsAboutSent(title);
	expect(readMails().filter((m) => m.receivedAt >= since && m.text.includes(title))).toEqual([]);

	// Fourteen days after the match: both sides get a mail, each in their own language.
	await advanceClock(page.request, { days: 1, hours: 1 });
	const toJozef = await waitForMail(DEMO.helper, {
		subject: /^Hoe ging het met Lotte\?$/,
		text: title,
		after: since
	});
	const toLotte = await waitForMail(LOTTE, {
		subject: /^How did it go with Jozef\?$/,
		text: title,
		after: since
	});
	linkIn(toJozef, /^\/follow-up\/[a-z2-7]+$/);
	const lotteLink = linkIn(toLotte, /^\/follow-up\/[a-z2-7]+$/);
	// Stuck on the link, or rather talk? The mail gives the neighbourhood's number.
	expect(toLotte.text).toContain('Rather talk to someone? Call the neighbourhood worker of');
	expect(toLotte.text).toContain('0470 11 22 33');

	// Lotte follows her link without signing in; the form is in English.
	await page.goto(lotteLink);
	await expect(page.getByRole('heading', { level: 1, name: 'How did it go?' })).toBeVisible();
	await expect(page.getByText(`About "${title}" with Jozef.`)).toBeVisible();
	await expectAccessible(page);
	// Forgetting a question keeps what she typed and says what is missing, beside it.
	await page.getByLabel(/Anything you want to tell us/).fill('Bobby pulls hard on the lead.');
	await page.getByRole('button', { name: 'Send my answer' }).click();
	await expect(page.getByRole('alert', { name: 'There is a problem' })).toBeFocused();
	await expect(page).toHaveTitle(/^Error: How did it go\?/);
	await expect(page.getByRole('group', { name: 'How did it go?' })).toHaveAccessibleDescription(
		'Please choose how it went.'
	);
	await expect(page.getByLabel(/Anything you want to tell us/)).toHaveValue(
		'Bobby pulls hard on the lead.'
	);
	// After "Please call me" she is not asked whether they go on helping each other.
	await expect(page.getByRole('group', { name: /Will you go on/ })).toBeVisible();
	await page.getByRole('radio', { name: 'Please call me' }).check();
	await expect(page.getByRole('group', { name: /Will you go on/ })).toHaveCount(0);
	await page.getByRole('button', { name: 'Send my answer' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Thank you! The neighbourhood worker will call you soon.'
	);

	// The link works once; a changed link is refused; neither changes anything.
	await page.goto(lotteLink);
	await expect(page.getByRole('alert')).toContainText('already been answered');
	await expect(page.getByRole('link', { name: '0470 11 22 33' })).toHaveAttribute(
		'href',
		'tel:0470112233'
	);
	await page.goto(lotteLink.replace(/[a-z2-7]{4}$/, 'aaaa'));
	await expect(page.getByRole('alert')).toContainText('This link does not work.');
	await page.context().clearCookies();

	// The broker sees the worrying answer on Today at once, with the comment, and notes the call.
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto('/broker/today');
	const attention = page
		.getByRole('listitem')
		.filter({ hasText: 'Een opvolging vraagt aandacht' })
		.filter({ hasText: title });
	await expect(attention).toContainText('Bel me alsjeblieft');
	await expect(attention).toContainText('Bobby pulls hard on the lead.');
	await attention.getByLabel('Wat kwam eruit?').fill('Gebeld: Lotte neemt een kortere leiband.');
	await attention.getByRole('button', { name: 'Afgehandeld' }).click();
	await expect(page.getByText('De taak is afgehandeld.')).toBeVisible();
	await expect(
		page.getByRole('listitem').filter({ hasText: 'Een opvolging vraagt aandacht' }).filter({
			hasText: title
		})
	).toHaveCount(0);
	await signOut(page);

	// Jozef does not answer: after four days one reminder, to him only.
	const beforeReminder = Date.now();
	await advanceClock(page.request, { days: 4 });
	await waitForMail(DEMO.helper, {
		subject: /^Een korte herinnering: hoe ging het met Lotte\?$/,
		text: title,
		after: beforeReminder
	});
	await waitUntilMailsAboutSent(title);
	expect(
		readMails().filter(
			(m) => m.to.includes(LOTTE) && m.receivedAt >= beforeReminder && m.text.includes(title)
		)
	).toEqual([]);

	// Four more days without an answer: a task for the broker, who calls and enters the answer.
	await advanceClock(page.request, { days: 4 });
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto('/broker/today');
	const noAnswer = page
		.getByRole('listitem')
		.filter({ hasText: 'Niemand beantwoordde een opvolging' })
		.filter({ hasText: title });
	await expect(noAnswer).toContainText('Jozef');
	await noAnswer.getByRole('link', { name: 'Antwoord invullen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Opvolging' })).toBeVisible();
	// Lotte's answer is there for context.
	await expect(
		page.getByRole('listitem').filter({ hasText: 'Bobby pulls hard on the lead.' })
	).toContainText('Bel me alsjeblieft');
	await expectAccessible(page);
	await page.getByRole('radio', { name: 'Het ging goed' }).check();
	await page.getByRole('radio', { name: 'Niet meer nodig' }).check();
	await page.getByLabel(/Wil je ons nog iets vertellen/).fill('Telefonisch: Lotte was heel stipt.');
	await page.getByRole('button', { name: 'Verstuur mijn antwoord' }).click();
	await expect(page.getByText('Het antwoord is bewaard.')).toBeVisible();

	// Answered, the task leaves Today.
	await page.goto('/broker/today');
	await expect(
		page
			.getByRole('listitem')
			.filter({ hasText: 'Niemand beantwoordde een opvolging' })
			.filter({ hasText: title })
	).toHaveCount(0);
});
