import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test } from '../fixtures';
import { nextWeekday, shift, spokenDate, today } from '../dates';
import { signIn, signOut } from '../pages/auth';
import { findTool } from '../pages/desk';
import { bookTool, openTool } from '../pages/lending';
import { waitForMail } from '../smtp';

const ANNIE = 'annie@naburig.example';
const THOMAS = 'thomas@naburig.example';
const LADDER = 'Huishoudladder, 3 x 8 treden';

test('Annie phones that she no longer needs the ladder: the desk cancels it, she is mailed why, the waiting neighbour hears it is free', async ({
	page
}) => {
	// Four sign-ins, two mails and four accessibility checks: more than the default minute.
	test.slow();
	// Next week's Monday to Wednesday: the pick-up place is open on weekdays.
	const monday = nextWeekday(today(), 1);
	const wednesday = shift(monday, 2);

	// Annie reserves the ladder.
	await signIn(page, ANNIE, DEMO_PASSWORD);
	await bookTool(page, { search: 'ladder', name: LADDER }, monday, wednesday);
	await expect(page).toHaveURL(/\/loans\?reserved=\d+/);
	const loanId = new URL(page.url()).searchParams.get('reserved')!;
	// Only the desk may cancel for someone: her own request to the desk's action is refused.
	const forged = await page.request.post(`/desk/loans/${loanId}?/cancel`, {
		form: { reason: 'no_longer_needed' },
		headers: { origin: new URL(page.url()).origin }
	});
	expect(forged.status()).toBe(403);
	await signOut(page);

	// Thomas would like it too, and asks to be told when it is free.
	await signIn(page, THOMAS, DEMO_PASSWORD);
	await openTool(page, 'ladder', LADDER);
	await page.getByRole('button', { name: 'Zet me op de wachtlijst' }).click();
	await expect(
		page.getByText('Je staat op de wachtlijst. We sturen je een mail als het vrij komt.')
	).toBeVisible();
	await signOut(page);

	// Annie phones the desk. The broker finds the ladder by its number and opens her reservation.
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await findTool(page, 'KBS-003');
	await page
		.getByRole('link', {
			name: `${spokenDate(monday, { withWeekday: false })} – ${spokenDate(wednesday, { withWeekday: false })}`
		})
		.click();
	await expect(page.getByRole('heading', { level: 1, name: `${LADDER} (KBS-003)` })).toBeVisible();
	await expect(page.getByRole('main')).toContainText('voor Annie Claes');
	await expect(page.getByText('Stand: Gereserveerd')).toBeVisible();
	// Her pick-up day has not come: the desk can cancel, not yet say nobody came.
	await expect(page.getByRole('button', { name: 'Niet opgehaald: dagen vrijgeven' })).toHaveCount(
		0
	);
	await expectAccessible(page);

	// Without a reason the cancel is refused, with the message beside the question.
	const cancel = page.getByRole('region', { name: 'Reservatie annuleren' });
	await cancel.getByRole('button', { name: 'Reservatie annuleren' }).click();
	const reasons = page.getByRole('group', { name: 'Waarom wordt de reservatie geannuleerd?' });
	await expect(reasons).toHaveAccessibleDescription('Kies waarom de reservatie geannuleerd wordt.');
	await expect(page.getByText('Stand: Gereserveerd')).toBeVisible();
	await expectAccessible(page);

	const before = Date.now();
	await reasons.getByLabel('Heeft het niet meer nodig').check();
	await cancel.getByRole('button', { name: 'Reservatie annuleren' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'De reservatie is geannuleerd en de dagen zijn weer vrij. Annie Claes krijgt een mail.'
	);
	await expect(page.getByText('Stand: Geannuleerd')).toBeVisible();
	await expect(page.getByRole('region', { name: 'Reservatie annuleren' })).toHaveCount(0);
	await expectAccessible(page);

	// Annie's mail says what was cancelled and why, kindly.
	const mail = await waitForMail(ANNIE, {
		subject: /^Je reservatie van Huishoudladder, 3 x 8 treden is geannuleerd$/,
		after: before
	});
	expect(mail.text).toContain(
		`van ${spokenDate(monday)} tot en met ${spokenDate(wednesday)} geannuleerd`
	);
	expect(mail.text).toContain('Je liet ons weten dat je het niet meer nodig hebt.');
	// Thomas, first in line, hears the ladder is free again.
	const free = await waitForMail(THOMAS, {
		subject: /^Huishoudladder, 3 x 8 treden is weer vrij$/,
		after: before
	});
	expect(free.text).toContain('Je stond op de wachtlijst voor Huishoudladder, 3 x 8 treden.');
	await signOut(page);

	// Annie sees it among her past reservations, cancelled.
	await signIn(page, ANNIE, DEMO_PASSWORD);
	await page.goto('/loans');
	await expect(
		page
			.getByRole('region', { name: 'Vroeger' })
			.getByRole('listitem')
			// The demo history has older ladder loans of hers: this one by its days.
			.filter({ hasText: `${LADDER} · Van ${spokenDate(monday)}` })
	).toContainText('Geannuleerd');
});
