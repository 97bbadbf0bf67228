import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test } from '../fixtures';
import { advanceClock, advanceToMorning, serverNow } from '../clock';
import { brusselsDate, shift, spokenDate, weekday } from '../dates';
import { signIn, signOut } from '../pages/auth';
import { waitForMail } from '../smtp';
import { bookTool, openTool } from '../pages/lending';

const YOUSSEF = 'youssef@naburig.example';
const GILBERT = 'gilbert@naburig.example';

test('nobody picks up the wheelbarrow: the desk sees it the day after, then it is released, Youssef gets a kind mail and Gilbert hears it is free', async ({
	page
}) => {
	// Six sign-ins, two of them with the code step, and four days on the clock.
	test.setTimeout(180_000);
	// The release and its mails happen in the daytime: work from 10:00 on.
	await advanceToMorning(page.request);
	const today = brusselsDate(await serverNow(page.request));
	// The next weekday after today: the pick-up place is open Monday to Friday.
	let days = 1;
	while ([0, 6].includes(weekday(shift(today, days)))) days++;
	const pickup = shift(today, days);
	const release = shift(pickup, 2);

	// Youssef reserves the wheelbarrow for that one day.
	await signIn(page, YOUSSEF, DEMO_PASSWORD);
	await bookTool(page, { search: 'kruiwagen', name: 'Kruiwagen' }, pickup, pickup);
	await expect(page).toHaveURL(/\/loans\?reserved=\d+/);
	await signOut(page);

	// Gilbert would like it too and asks to be told when it is free.
	await signIn(page, GILBERT, DEMO_PASSWORD);
	await openTool(page, 'kruiwagen', 'Kruiwagen');
	await page.getByRole('button', { name: 'Zet me op de wachtlijst' }).click();
	await expect(
		page.getByText('Je staat op de wachtlijst. We sturen je een mail als het vrij komt.')
	).toBeVisible();
	await signOut(page);

	// The pick-up day passes; nobody came. The next morning the desk sees it, marked apart.
	await advanceClock(page.request, { days: days + 1 });
	expect(brusselsDate(await serverNow(page.request))).toBe(shift(pickup, 1));
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto('/desk');
	const uncollected = page.getByRole('region', { name: 'Niet opgehaald' });
	const card = uncollected.getByRole('listitem').filter({ hasText: 'Kruiwagen' });
	await expect(card).toContainText('voor Youssef Benali');
	await expect(card).toContainText(`ophaaldag was ${spokenDate(pickup)}`);
	await expect(card).toContainText(`wordt vrijgegeven op ${spokenDate(release)}`);
	await expect(
		page.getByRole('region', { name: 'Vandaag op te halen' }).getByText('Kruiwagen')
	).toHaveCount(0);
	await expectAccessible(page);
	// Its page offers to release it now; the desk waits for Youssef a little longer.
	await card.getByRole('link', { name: 'Reservatie van Kruiwagen openen' }).click();
	await expect(page.getByText('Stand: Gereserveerd')).toBeVisible();
	await expect(page.getByRole('region', { name: 'Niet opgehaald' })).toContainText(
		`Doe je niets, dan gebeurt dit vanzelf op ${spokenDate(release)}, vanaf 9 uur.`
	);
	await expect(page.getByRole('button', { name: 'Niet opgehaald: dagen vrijgeven' })).toBeVisible();
	await expectAccessible(page);
	await signOut(page);

	// A day later, at ten in the morning, the reminder job releases it.
	const before = Date.now();
	await advanceClock(page.request, { days: 1 });
	expect(brusselsDate(await serverNow(page.request))).toBe(release);
	const kind = await waitForMail(YOUSSEF, {
		subject: /^Kruiwagen is niet opgehaald$/,
		after: before
	});
	expect(kind.text).toContain(`om op te halen op ${spokenDate(pickup)}`);
	expect(kind.text).toContain('Je krijgt geen boete.');
	const free = await waitForMail(GILBERT, { subject: /^Kruiwagen is weer vrij$/, after: before });
	expect(free.text).toContain('Je stond op de wachtlijst voor Kruiwagen.');

	// The desk no longer lists it; Youssef reads what happened among his past loans.
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto('/desk');
	await expect(page.getByRole('heading', { level: 1, name: 'Uitleenbalie' })).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Niet opgehaald' }).getByText('Kruiwagen')
	).toHaveCount(0);
	await signOut(page);
	await signIn(page, YOUSSEF, DEMO_PASSWORD);
	await page.goto('/loans');
	await expect(
		page
			.getByRole('region', { name: 'Vroeger' })
			.getByRole('listitem')
			.filter({ hasText: 'Kruiwagen' })
	).toContainText('Niet opgehaald');
});
