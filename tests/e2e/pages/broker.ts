import { expect, type Page } from '@playwright/test';

/** Someone a broker registers at the intake form, as they tell it (on the phone or at the desk). */
export interface Caller {
	name: string;
	phone: string;
	street: string;
	house: string;
	/** The languages ticked in the list, by their names, e.g. ["Nederlands", "Frans"]. */
	languages?: string[];
	contactBy?: 'Telefoon' | 'Langsgaan' | 'Brief via een buur';
	/** The language of their letters and messages, by its own name, e.g. "Français". */
	messageLanguage?: string;
}

/**
 * Fills the intake form with what the person said. The name is typed unless it is there already
 * (carried over from the person search). The consent is ticked unless told not to.
 */
export async function fillIntake(
	page: Page,
	c: Caller,
	options: { consent?: boolean } = {}
): Promise<void> {
	await expect(page.getByRole('heading', { name: 'Iemand inschrijven', level: 1 })).toBeVisible();
	const name = page.getByLabel('Naam', { exact: true });
	if ((await name.inputValue()) !== c.name) await name.fill(c.name);
	await page.getByLabel('Telefoonnummer').fill(c.phone);
	await page.getByLabel('Straat').selectOption({ label: c.street });
	await page.getByLabel('Huisnummer').fill(c.house);
	const languages = page.getByRole('group', { name: 'Talen die de persoon spreekt' });
	for (const l of c.languages ?? []) await languages.getByRole('checkbox', { name: l }).check();
	if (c.contactBy) await page.getByRole('radio', { name: c.contactBy, exact: true }).check();
	if (c.messageLanguage)
		await page
			.getByRole('group', { name: 'In welke taal krijgt de persoon brieven en berichten?' })
			.getByRole('radio', { name: c.messageLanguage, exact: true })
			.check();
	if (options.consent ?? true)
		await page.getByLabel('De persoon gaf toestemming om ingeschreven te worden.').check();
}

/** One helper's card among the broker's match suggestions, by the name in its heading. */
export const suggestionOf = (page: Page, name: string | RegExp) =>
	page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });

/** Ticks these helpers' "compare" boxes and shows them side by side; returns the table. */
export async function compareHelpers(page: Page, names: (string | RegExp)[]) {
	for (const name of names)
		await suggestionOf(page, name)
			.getByLabel(/Vergelijk /)
			.check();
	await page.getByRole('button', { name: 'Vergelijk de gekozen helpers' }).click();
	const table = page.getByRole('table');
	for (const name of names) await expect(table.getByRole('columnheader', { name })).toBeVisible();
	return table;
}
