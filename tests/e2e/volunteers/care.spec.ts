import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from '../fixtures';
import { today } from '../dates';
import { fillDate } from '../pages/forms';

const SETTINGS = 'Werkafspraken voor Oud-Oefenplein en Vuurkruisenplein';
const LIMIT = 'Lopende afspraken per helper voor "druk"';

/** Sets the demo neighbourhood's running-match limit on its settings page, as a broker does. */
async function setLimit(page: Page, limit: string) {
	await page.goto('/broker');
	await page.getByRole('link', { name: SETTINGS }).click();
	await expect(page.getByRole('heading', { level: 1, name: SETTINGS })).toBeVisible();
	await page.getByLabel(LIMIT).fill(limit);
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('De werkafspraken zijn opgeslagen.')).toBeVisible();
}

test('the volunteer overview shows a helper at the limit of running matches', async ({
	asBroker: page
}) => {
	test.setTimeout(180_000);
	try {
		// With a limit of one, the demo helper with a running match is busy.
		await setLimit(page, '1');
		await expectAccessible(page);
		await page.goto('/broker');
		await page.getByRole('link', { name: 'Vrijwilligers', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Vrijwilligers' })).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Aan hun grens' }).click();
		await expect(page).toHaveURL(/filter=busy/);
		const busy = page.getByRole('listitem').filter({ hasText: /Druk: \d+ lopende afspra/ });
		await expect(busy.first()).toBeVisible();
		await expect(busy.first().getByText('Lopende afspraken', { exact: true })).toBeVisible();
		// Today names them too, with a link to the filtered overview.
		await page.goto('/broker/today');
		await expect(page.getByRole('heading', { name: /Helpers aan hun grens/ })).toBeVisible();
		await expectAccessible(page);
	} finally {
		// Other tests expect the default limit.
		await setLimit(page, '3');
	}
});

test('a helper asks the neighbourhood worker for help; the broker sees it on Today and picks it up', async ({
	page,
	signInAs
}) => {
	const question = `Mijn buur belt me elke avond, wat moet ik doen? (${Date.now().toString(36)})`;
	await signInAs(page, 'helper');
	await page.goto('/volunteering');
	await page.getByRole('link', { name: 'Een vraag sturen' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Hulp vragen aan de buurtwerker' })
	).toBeVisible();
	await expectAccessible(page);
	// An empty question is refused beside the field.
	await page.getByRole('button', { name: 'Versturen' }).click();
	await expect(page.getByText('Schrijf je vraag.').first()).toBeVisible();
	await page.getByLabel('Je vraag').fill(question);
	await page.getByRole('button', { name: 'Versturen' }).click();
	await expect(page.getByText('Dank je. De buurtwerker neemt contact met je op.')).toBeVisible();
	await expectAccessible(page);

	await signInAs(page, 'broker');
	await page.goto('/broker/today');
	const card = page.getByRole('listitem').filter({ hasText: question });
	await expect(card).toBeVisible();
	await expect(card.getByText(/^Van Jozef Peeters ·/)).toBeVisible();
	await expect(
		card.getByRole('link', { name: 'Vrijwilligerspagina van Jozef Peeters' })
	).toBeVisible();
	await expectAccessible(page);
	await card.getByRole('button', { name: 'Opgepakt: vraag van Jozef Peeters' }).click();
	await expect(page.getByText('Gemarkeerd als opgepakt.')).toBeVisible();
	await expect(page.getByText(question)).toHaveCount(0);
});

test('the broker plans a check-in with a volunteer and its outcome becomes a confidential note', async ({
	asBroker: page
}) => {
	const outcome = `Gaat goed, wil wat minder ritten (${Date.now().toString(36)})`;
	await page.goto('/broker/volunteers');
	await page.getByRole('link', { name: 'Jozef Peeters', exact: true }).first().click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Vrijwilliger: Jozef Peeters' })
	).toBeVisible();
	await expect(page.getByText('Vrijwilligersafspraken:')).toBeVisible();
	await expectAccessible(page);
	const volunteerPage = page.url();
	await fillDate(page, 'Dag van het gesprek', today());
	await page.getByRole('button', { name: 'Gesprek plannen' }).click();
	await expect(page.getByText(/Het gesprek staat op .* bij Vandaag\./)).toBeVisible();

	await page.goto('/broker/today');
	// The task's card, found again after each answer of the page.
	const task = () =>
		page.getByRole('listitem').filter({ hasText: 'Bijpraten met Jozef Peeters' }).first();
	await expect(
		task().getByRole('heading', { name: 'Bijpraten met een vrijwilliger' })
	).toBeVisible();
	const OUTCOME = 'Wat kwam eruit? (bewaard als vertrouwelijke notitie)';
	// Without an outcome there is no note: it is refused beside the field.
	await task().getByRole('button', { name: 'Afgehandeld' }).click();
	await expect(
		task().getByText('Schrijf wat eruit kwam: het wordt een vertrouwelijke notitie.')
	).toBeVisible();
	await task().getByLabel(OUTCOME).fill(outcome);
	await task().getByRole('button', { name: 'Afgehandeld' }).click();
	await expect(page.getByText('De taak is afgehandeld.')).toBeVisible();

	// The outcome is a confidential note on Jozef, and counts as contact today.
	await page.goto(volunteerPage.replace('/broker/volunteers/', '/broker/residents/'));
	await expect(page.getByText(outcome)).toBeVisible();
	await page.goto(volunteerPage);
	await expect(page.getByText('0 dagen geleden')).toBeVisible();
});
