import { expect, expectAccessible, test } from '../fixtures';
import { brusselsDate, lastDayOfMonth, shift, spokenDate } from '../dates';
import { findTool } from '../pages/desk';
import { dateGroup, expectDate, fillDate } from '../pages/forms';

/** A date as a machine writes it (2026-12-04): never in a sentence or a table a person reads. */
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
/** "vrijdag 4 december 2026". */
const SPOKEN = /(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d{1,2} [a-z]+ \d{4}/;

test('the desk, a tool’s history, the lending figures and the reports say dates as people do', async ({
	asBroker: page
}) => {
	const today = brusselsDate(Date.now());

	// Today's pick-ups and returns (the demo lends the mower and the hedge trimmer today).
	await page.goto('/desk');
	const main = page.getByRole('main');
	await expect(main).toContainText(SPOKEN);
	await expect(main).not.toContainText(ISO_DATE);

	// A tool's loan history: the pressure washer went out 24 days ago for three days.
	await findTool(page, 'KBS-007');
	const history = page.getByRole('table');
	const short = { withWeekday: false };
	await expect(history).toContainText(
		`${spokenDate(shift(today, -24), short)} – ${spokenDate(shift(today, -21), short)}`
	);
	await expect(main).not.toContainText(ISO_DATE);

	// The desk's figures name the first and the last day counted.
	await page.goto('/desk/figures');
	const first = `${today.slice(0, 8)}01`;
	const [y, m] = today.split('-').map(Number) as [number, number];
	const last = lastDayOfMonth(y, m);
	await expect(main).toContainText(`Van ${spokenDate(first)} tot en met ${spokenDate(last)}.`);
	await expect(main).not.toContainText(ISO_DATE);
	// Another period, typed day / month / year; a link made before the boxes still works.
	await fillDate(page, 'Vanaf', '2026-03-01');
	await fillDate(page, 'Tot (niet inbegrepen)', '2026-04-01');
	await page.getByRole('button', { name: 'Toon', exact: true }).click();
	const march = `Van ${spokenDate('2026-03-01')} tot en met ${spokenDate('2026-03-31')}.`;
	await expect(main).toContainText(march);
	await page.goto('/desk/figures?from=2026-03-01&to=2026-04-01');
	await expect(main).toContainText(march);
	await expectDate(page, 'Vanaf', '2026-03-01');
	// A day that does not exist is said beside the field, and the boxes keep what was typed.
	await fillDate(page, 'Vanaf', '2026-02-31');
	await page.getByRole('button', { name: 'Toon', exact: true }).click();
	await expect(dateGroup(page, 'Vanaf')).toHaveAccessibleDescription(
		/Deze dag bestaat niet in de kalender/
	);
	await expectDate(page, 'Vanaf', '2026-02-31');

	// The steering group's report, of this year unless another period is chosen.
	await page.goto('/broker/reports');
	await expect(page.getByRole('heading', { level: 2, name: /tot en met/ })).toContainText(
		`${spokenDate(`${y}-01-01`, short)} tot en met ${spokenDate(`${y}-12-31`, short)}`
	);
	await expect(main).not.toContainText(ISO_DATE);
	await expectAccessible(page);
});
