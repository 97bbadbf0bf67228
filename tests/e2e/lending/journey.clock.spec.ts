import type { Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test } from '../fixtures';
import { advanceClock, advanceToMorning, serverNow } from '../clock';
import { brusselsDate, shift, spokenDate, weekday } from '../dates';
import { signIn, signOut } from '../pages/auth';
import { waitForMail } from '../smtp';
import { checkIn, checkOut } from '../pages/desk';
import { dateGroup, errorSummary, expectDate, fillDate } from '../pages/forms';
import { acceptAgreement, reserveDays } from '../pages/lending';

const reservePanel = (page: Page) => page.getByRole('region', { name: 'Reserveren' });

test('a resident reserves the drill; overlap refused; desk lends it; late; taken back damaged; in repair', async ({
	page
}) => {
	test.setTimeout(180_000);
	// Reminder mails go out in the daytime only: start at 10:00, so each whole day moved later
	// lands in the daytime too.
	await advanceToMorning(page.request);

	// Next Tuesday to Thursday in Brussels, as the clock server sees it. The pick-up place
	// (Dienstencentrum De Schijf) is open Monday to Friday, so Tuesday and Thursday are both
	// opening days and three days is within the drill's seven-day maximum.
	const today = brusselsDate(await serverNow(page.request));
	const toTuesday = (2 - weekday(today) + 7) % 7 || 7;
	const tuesday = shift(today, toTuesday);
	const thursday = shift(tuesday, 2);
	const friday = shift(tuesday, 3);
	// Asked for Wednesday to Friday by someone else: Friday is the drill's check-up day after
	// the loan (turnaround buffer of one day), Saturday and Sunday are closed: next Monday.
	const nextMonday = shift(tuesday, 6);

	// --- Maria finds the drill, reads the safety notes, accepts the agreement, reserves. ---
	await signIn(page, DEMO.resident, DEMO_PASSWORD);
	await page.goto('/tools');
	await page.getByLabel('Zoek op naam of beschrijving').fill('boormachine');
	await page.getByRole('button', { name: 'Zoeken' }).click();
	await page.getByRole('link', { name: 'Klopboormachine' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Klopboormachine' })).toBeVisible();
	const toolUrl = page.url();
	await expect(page.getByRole('region', { name: /Let op je veiligheid/ })).toContainText(
		'Draag een veiligheidsbril.'
	);
	await expectAccessible(page);

	// The agreement comes first, once; without ticking it nothing is stored.
	const panel = reservePanel(page);
	await expect(
		panel.getByRole('heading', { name: /Afspraken om te lenen \(versie 1\)/ })
	).toBeVisible();
	await expect(panel).toContainText('Je krijgt geen boete.');
	await panel.getByRole('button', { name: 'Akkoord' }).click();
	await expect(panel.getByText('Vink aan dat je akkoord gaat')).toBeVisible();
	await panel.getByLabel('Ik heb de afspraken gelezen en ik ga akkoord.').check();
	await panel.getByRole('button', { name: 'Akkoord' }).click();

	// The reservation form: safety notes must be ticked as read.
	await expect(dateGroup(panel, 'Ophalen op')).toBeVisible();
	await expectAccessible(page);
	await fillDate(panel, 'Ophalen op', tuesday);
	await fillDate(panel, 'Terugbrengen op', thursday);
	await panel.getByRole('button', { name: 'Reserveren' }).click();
	await expect(
		panel.getByLabel('Ik heb de veiligheidsregels hierboven gelezen.')
	).toHaveAccessibleDescription('Lees de veiligheidsregels en vink dit aan.');
	await expect(
		errorSummary(panel).getByRole('link', { name: 'Lees de veiligheidsregels en vink dit aan.' })
	).toBeVisible();
	await expectDate(panel, 'Ophalen op', tuesday);
	await panel.getByLabel('Ik heb de veiligheidsregels hierboven gelezen.').check();
	const beforeReserve = Date.now();
	await panel.getByRole('button', { name: 'Reserveren' }).click();

	await expect(page).toHaveURL(/\/loans\?reserved=\d+/);
	await expect(page.getByRole('status')).toHaveText(
		'Je reservatie is gelukt. Je krijgt een mail met waar en wanneer je het kan ophalen.'
	);
	const mine = page.getByRole('listitem').filter({ hasText: 'Klopboormachine' });
	await expect(mine).toContainText('Gereserveerd: nog op te halen');
	await expect(mine).toContainText(`Van ${spokenDate(tuesday)} tot en met ${spokenDate(thursday)}`);
	await expectAccessible(page);

	const confirmation = await waitForMail(DEMO.resident, {
		subject: /^Je reservatie: Klopboormachine$/,
		after: beforeReserve
	});
	expect(confirmation.text).toContain('Dienstencentrum De Schijf');
	expect(confirmation.text).toContain(spokenDate(tuesday));
	await signOut(page);

	// --- Jozef wants it Wednesday to Friday: refused beside the dates, with the next free day. ---
	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await page.goto(toolUrl);
	const his = reservePanel(page);
	await acceptAgreement(his);
	await reserveDays(his, shift(tuesday, 1), friday);
	const clash = `Op die dagen is het al gereserveerd. Het is weer vrij vanaf ${spokenDate(nextMonday)}.`;
	await expect(dateGroup(his, 'Ophalen op')).toHaveAccessibleDescription(new RegExp(clash));
	await expect(dateGroup(his, 'Ophalen op').getByLabel('Dag')).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	// Above the form it says only that: the clash with the next free day, not "not all is right".
	await expect(his.getByRole('alert', { name: 'Er is een probleem' })).toBeFocused();
	await expect(his.getByRole('link', { name: clash })).toBeVisible();
	await expect(his.getByText('Niet alles is goed ingevuld')).toHaveCount(0);
	// Nothing was reserved: he stays on the tool page.
	await expect(page).not.toHaveURL(/\/loans/);
	await expectAccessible(page);
	await page.goto('/loans');
	await expect(page.getByRole('heading', { level: 3, name: 'Klopboormachine' })).toHaveCount(0);
	await signOut(page);

	// --- Tuesday: the broker at the desk hands the drill over, noting its condition. ---
	await advanceClock(page.request, { days: toTuesday });
	expect(brusselsDate(await serverNow(page.request))).toBe(tuesday);
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto('/desk');
	const pickups = page.getByRole('region', { name: 'Vandaag op te halen' });
	await expect(pickups.getByRole('listitem').filter({ hasText: 'Klopboormachine' })).toContainText(
		'voor Maria Janssens'
	);
	await expectAccessible(page);
	await pickups.getByRole('link', { name: 'Klopboormachine meegeven' }).click();
	await expect(page.getByRole('heading', { name: 'Meegeven' })).toBeVisible();
	await expectAccessible(page);
	await checkOut(page, {
		condition: 'Goed',
		parts: ['koffer', 'zijhandgreep', 'dieptestop', '5 steenboren'],
		deposit: 'Geen waarborg nodig'
	});
	await expect(page).toHaveURL(/\/desk\?done=out/);
	await expect(
		page.getByRole('region', { name: 'Vandaag op te halen' }).getByText('Klopboormachine')
	).toHaveCount(0);
	await signOut(page);

	// --- Friday, one day after the due date: a kind mail to Maria, no task yet. ---
	const beforeOverdue = Date.now();
	await advanceClock(page.request, { days: 3 });
	expect(brusselsDate(await serverNow(page.request))).toBe(friday);
	const overdue = await waitForMail(DEMO.resident, {
		subject: /^Gaat alles goed met Klopboormachine\?$/,
		after: beforeOverdue
	});
	expect(overdue.text).toContain('Je krijgt geen boete.');
	const callTitle = `Maria Janssens bellen: Klopboormachine moest terug op ${spokenDate(thursday)}`;
	await signIn(page, DEMO.broker, DEMO_PASSWORD);
	await page.goto('/desk');
	const calls = page.getByRole('region', { name: 'Bellen over uitleningen' });
	await expect(calls.getByRole('heading', { name: callTitle })).toHaveCount(0);

	// --- Saturday, still not back: a call task on the desk and on the broker's Today. ---
	await advanceClock(page.request, { days: 1 });
	await page.goto('/broker/today');
	await expect(page.getByRole('listitem').filter({ hasText: callTitle }).first()).toBeVisible();
	await page.goto('/desk');
	const call = calls
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: callTitle }) });
	await expect(call).toBeVisible();
	await expect(call).toContainText('015 41 22 87');
	await expectAccessible(page);

	// --- The desk takes it back with a damage report and sends it to repair. ---
	await call.getByRole('link', { name: 'Uitlening openen' }).click();
	await expect(page.getByRole('heading', { name: 'Terugnemen' })).toBeVisible();
	await expectAccessible(page);
	await checkIn(page, {
		condition: 'Redelijk',
		parts: ['koffer', 'zijhandgreep', 'dieptestop'],
		damage: 'De zijhandgreep is gebarsten; één steenboor ontbreekt.',
		repair: 'Nieuwe zijhandgreep en steenboor'
	});
	await expect(page.getByRole('heading', { level: 1, name: /Klopboormachine/ })).toBeVisible();
	await expect(page.getByText('Stand: In herstelling')).toBeVisible();
	await expect(page.getByRole('region', { name: 'Schade' })).toContainText(
		'De zijhandgreep is gebarsten'
	);
	await expectAccessible(page);
	// Back in, it is no longer among the tools to be returned.
	await page.goto('/desk');
	await expect(
		page.getByRole('region', { name: 'Vandaag terug te brengen' }).getByText('Klopboormachine')
	).toHaveCount(0);
	await signOut(page);

	// --- In repair: a resident cannot reserve it and is told so in plain words. ---
	await signIn(page, DEMO.helper, DEMO_PASSWORD);
	await page.goto(toolUrl);
	await expect(page.getByText('Status: in herstelling')).toBeVisible();
	await expect(reservePanel(page)).toContainText(
		'Dit toestel kan je nu niet reserveren. Bel de uitleendienst als je vragen hebt.'
	);
	await expect(reservePanel(page).getByRole('button', { name: 'Reserveren' })).toHaveCount(0);
	await expectAccessible(page);
});
