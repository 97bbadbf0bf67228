import { expect, expectAccessible, test } from '../fixtures';
import { nextWeekday, shift, spokenDate, today } from '../dates';
import { openBookingFor } from '../pages/desk';
import { errorSummary, expectDate, fillDate } from '../pages/forms';

test('a broker books the wheelbarrow for a resident without internet, with a read-aloud agreement', async ({
	asBroker: page
}) => {
	const name = `Georgette ${Date.now().toString(36)}`;
	const phone = '03 987 65 43';
	// Next week's Tuesday and Wednesday: the pick-up place is open Monday to Friday.
	const tuesday = nextWeekday(today(), 2);
	const wednesday = shift(tuesday, 1);
	const thursday = shift(tuesday, 2);

	// She is registered by the broker: a phone number, no e-mail address.
	await page.goto('/broker');
	await page.getByRole('link', { name: 'Iemand inschrijven' }).click();
	await page.getByLabel('Naam', { exact: true }).fill(name);
	await page.getByLabel('Telefoonnummer').fill(phone);
	await page.getByLabel('Straat').selectOption({ label: 'Kazernestraat' });
	await page.getByLabel('Huisnummer').fill('12');
	await page.getByRole('checkbox', { name: 'Nederlands' }).check();
	await page.getByRole('radio', { name: 'Langsgaan' }).check();
	await page.getByLabel('De persoon gaf toestemming om ingeschreven te worden.').check();
	await page.getByRole('button', { name: 'Inschrijven' }).click();
	await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
	const personUrl = page.url();

	// At the desk: find her, choose the wheelbarrow and the days.
	await page.goto('/desk');
	await page.getByRole('link', { name: 'Reserveren voor iemand' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Reserveren voor iemand' })
	).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Naam of telefoonnummer').fill(name);
	await page.getByRole('button', { name: 'Zoeken' }).click();
	const found = page.getByRole('listitem').filter({ hasText: name });
	await expect(found).toContainText(phone);
	await expect(found).toContainText('geen e-mail');
	await found.getByRole('link', { name: `Gereedschap reserveren voor ${name}` }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: `Gereedschap reserveren voor ${name}` })
	).toBeVisible();
	// The agreement is on the page to read aloud or print.
	await expect(
		page.getByRole('heading', { name: /Afspraken om te lenen \(versie 1\)/ })
	).toBeVisible();
	await expect(page.getByText(/Je krijgt geen boete/)).toBeVisible();
	await expectAccessible(page);

	await page.getByLabel('Welk toestel?').selectOption({ label: 'Kruiwagen (KBS-006)' });
	await fillDate(page, 'Ophalen op', tuesday);
	await fillDate(page, 'Terugbrengen op', wednesday);
	// Without explaining the safety notes: refused, the choices kept.
	await page.getByRole('button', { name: 'Reserveren' }).click();
	await expect(
		page.getByLabel('Ik heb de veiligheidsregels van dit toestel uitgelegd.')
	).toHaveAccessibleDescription('Leg eerst de veiligheidsregels uit en vink dit aan.');
	await expectDate(page, 'Ophalen op', tuesday);
	await expect(page.getByLabel('Welk toestel?')).toHaveValue(/\d+/);
	await expectAccessible(page);
	// Without saying how she agreed to the agreement: refused too.
	await page.getByLabel('Ik heb de veiligheidsregels van dit toestel uitgelegd.').check();
	await page.getByRole('button', { name: 'Reserveren' }).click();
	await expect(
		errorSummary(page).getByRole('link', {
			name: 'Kies hoe de persoon akkoord ging met de afspraken.'
		})
	).toBeVisible();
	await expect(page).toHaveURL(/\/desk\/book\?for=/);

	await page.getByRole('radio', { name: 'Voorgelezen en mondeling akkoord' }).check();
	await expect(
		page.getByLabel('Ik heb de veiligheidsregels van dit toestel uitgelegd.')
	).toBeChecked();
	await page.getByRole('button', { name: 'Reserveren' }).click();

	// The booking, on the desk's page for it: for her, booked by the desk.
	await expect(page).toHaveURL(/\/desk\/loans\/\d+\?booked=1$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Kruiwagen (KBS-006)' })).toBeVisible();
	await expect(page.getByRole('status')).toContainText('De reservatie is gemaakt.');
	await expect(page.getByText(`voor ${name}`)).toBeVisible();
	await expect(
		page.getByText(`van ${spokenDate(tuesday)} tot en met ${spokenDate(wednesday)}`)
	).toBeVisible();
	await expect(
		page.getByText('Gereserveerd door de uitleendienst of de buurtwerker.')
	).toBeVisible();
	// She calls back: one more day. The desk extends it (same overlap rule as online).
	await fillDate(page, 'Langer nodig? Nieuwe dag om terug te brengen', tuesday);
	await page.getByRole('button', { name: 'Terugbrengdag verlengen' }).click();
	await expect(
		page.getByText('Kies een latere dag dan de dag waarop je het nu terugbrengt.')
	).toBeVisible();
	await fillDate(page, 'Langer nodig? Nieuwe dag om terug te brengen', thursday);
	await page.getByRole('button', { name: 'Terugbrengdag verlengen' }).click();
	await expect(page.getByText('Je lening is verlengd.')).toBeVisible();
	await expect(
		page.getByText(`van ${spokenDate(tuesday)} tot en met ${spokenDate(thursday)}`)
	).toBeVisible();
	await expectAccessible(page);

	// The wheelbarrow's history on the desk lists her reservation.
	await page.goto('/desk');
	await page.getByRole('link', { name: 'KBS-006 Kruiwagen' }).click();
	const history = page.getByRole('region', { name: 'Uitleningen' });
	await expect(history.getByRole('row').filter({ hasText: name })).toContainText('Gereserveerd');
	await expect(history.getByRole('row').filter({ hasText: name })).toContainText(
		`${spokenDate(tuesday, { withWeekday: false })} – ${spokenDate(thursday, { withWeekday: false })}`
	);

	// She has no e-mail: the confirmation becomes a call on the desk, with what to tell her.
	await page.goto('/desk');
	const call = page
		.getByRole('region', { name: 'Bellen over uitleningen' })
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: `${name} bellen (geen e-mail)` }) });
	await expect(call).toContainText(phone);
	await expect(call).toContainText('Je reservatie: Kruiwagen');
	await expect(call).toContainText('Dienstencentrum De Schijf');

	// ... and on her page at the broker's.
	await page.goto(personUrl);
	await expect(page.getByRole('region', { name: 'Te bellen' })).toContainText(
		'Je reservatie: Kruiwagen'
	);

	// Her acceptance was recorded: a next booking for her does not ask for it again.
	await openBookingFor(page, phone, name);
	await expect(
		page.getByText(/Ging akkoord met de afspraken \(Voorgelezen en mondeling akkoord\) op/)
	).toBeVisible();
	await expect(page.getByRole('radio', { name: 'Op papier ondertekend' })).toHaveCount(0);
});
