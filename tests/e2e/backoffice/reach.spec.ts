import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from '../fixtures';
import { fillIntake } from '../pages/broker';
import { fillPost } from '../pages/posts';

/** The reach monitor's "phone intake" total for this year, as the reports page reads it. */
async function phoneIntakeTotal(page: Page): Promise<string> {
	await page.goto('/broker/reports');
	const section = page.getByRole('region', { name: 'Bereik: hoe hulpvragen binnenkwamen' });
	await expect(section).toBeVisible();
	const header = await section.getByRole('columnheader').allTextContents();
	const column = header.indexOf('Telefonische intake');
	expect(column).toBeGreaterThan(0);
	const total = section
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: 'Totaal' }) });
	return (await total
		.getByRole('cell')
		.nth(column - 1)
		.textContent())!.trim();
}

/**
 * Issue 21 §5: the reach monitor. A broker registers someone at the phone intake (with a year of
 * birth) and places requests for them; the reports count them under "phone intake". Five are
 * placed, so the count is large enough to be shown and not hidden as a small one.
 */
test('requests placed at a phone intake show under their channel in the reach monitor', async ({
	asBroker: an
}) => {
	test.setTimeout(150_000);
	const before = await phoneIntakeTotal(an);
	await expectAccessible(an);
	// Streets with residents but no request in a year are listed for the broker only.
	await expect(
		an.getByRole('heading', { name: 'Straten zonder hulpvraag in een jaar' })
	).toBeVisible();

	const run = Date.now().toString(36);
	const name = `Marcel ${run}`;
	await an.goto('/broker/intake');
	await an.getByLabel('Geboortejaar (mag leeg)').fill('19xx');
	await fillIntake(an, { name, phone: '03 555 12 34', street: 'Vaandelstraat', house: '3' });
	await an.getByRole('button', { name: 'Inschrijven' }).click();
	await expect(an.getByLabel('Geboortejaar (mag leeg)')).toHaveAccessibleDescription(
		/Vul een jaar in zoals 1942, of laat het leeg\./
	);
	await an.getByLabel('Geboortejaar (mag leeg)').fill('1941');
	await an.getByRole('button', { name: 'Inschrijven' }).click();
	await expect(an.getByRole('heading', { name, level: 1 })).toBeVisible();
	const intakePage = an.url();
	for (let i = 1; i <= 5; i++) {
		await an.goto(intakePage);
		await an.getByRole('link', { name: `Vraag of aanbod plaatsen voor ${name}` }).click();
		const title = `Hulp bij de post ${i} ${run}`;
		await fillPost(an, {
			kind: 'Ik zoek hulp',
			category: 'Papieren en formulieren',
			title,
			body: 'Brieven lezen en samen beantwoorden.'
		});
		await an.getByRole('button', { name: 'Versturen' }).click();
		await expect(an.getByRole('heading', { name: title, level: 1 })).toBeVisible();
	}

	const after = await phoneIntakeTotal(an);
	expect(Number(after)).toBeGreaterThanOrEqual(5);
	if (/^\d+$/.test(before)) expect(Number(after)).toBe(Number(before) + 5);
});
