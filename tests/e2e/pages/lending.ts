import type { Locator, Page } from '@playwright/test';
import { fillDate } from './forms';

/** Opens a tool's page from the catalogue: searched by a word of its name, then its link. */
export async function openTool(page: Page, search: string, name: string): Promise<void> {
	await page.goto(`/tools?q=${encodeURIComponent(search)}`);
	await page.getByRole('link', { name }).click();
}

/** On a tool's page: ticks the borrower agreement as read and agreed, and sends it. */
export async function acceptAgreement(scope: Page | Locator): Promise<void> {
	await scope.getByLabel('Ik heb de afspraken gelezen en ik ga akkoord.').check();
	await scope.getByRole('button', { name: 'Akkoord' }).click();
}

/** On a tool's page: the days ("yyyy-mm-dd"), the safety notes ticked as read, "Reserveren". */
export async function reserveDays(scope: Page | Locator, from: string, to: string): Promise<void> {
	await fillDate(scope, 'Ophalen op', from);
	await fillDate(scope, 'Terugbrengen op', to);
	await scope.getByLabel('Ik heb de veiligheidsregels hierboven gelezen.').check();
	await scope.getByRole('button', { name: 'Reserveren' }).click();
}

/** A resident books a tool as they would the first time: finds it, agrees, reserves the days. */
export async function bookTool(
	page: Page,
	tool: { search: string; name: string },
	from: string,
	to: string
): Promise<void> {
	await openTool(page, tool.search, tool.name);
	await acceptAgreement(page);
	await reserveDays(page, from, to);
}
