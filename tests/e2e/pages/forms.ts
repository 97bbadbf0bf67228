import { expect, type Locator, type Page } from '@playwright/test';

/** A date question (DateField): its day, month and year boxes, found by its question. */
export function dateGroup(scope: Page | Locator, question: string | RegExp): Locator {
	return scope.getByRole('group', { name: question });
}

/** Types a date ("yyyy-mm-dd") as a person does: day, month, year, in that order. */
export async function fillDate(
	scope: Page | Locator,
	question: string | RegExp,
	date: string
): Promise<void> {
	const [year, month, day] = date.split('-') as [string, string, string];
	const group = dateGroup(scope, question);
	await group.getByLabel('Dag', { exact: true }).fill(String(Number(day)));
	await group.getByLabel('Maand', { exact: true }).fill(String(Number(month)));
	await group.getByLabel('Jaar', { exact: true }).fill(year);
}

/** Checks that the boxes show this date ("yyyy-mm-dd"), as typed. */
export async function expectDate(
	scope: Page | Locator,
	question: string | RegExp,
	date: string
): Promise<void> {
	const [year, month, day] = date.split('-') as [string, string, string];
	const group = dateGroup(scope, question);
	await expect(group.getByLabel('Dag', { exact: true })).toHaveValue(String(Number(day)));
	await expect(group.getByLabel('Maand', { exact: true })).toHaveValue(String(Number(month)));
	await expect(group.getByLabel('Jaar', { exact: true })).toHaveValue(year);
}

/** The error summary above a form ("Er is een probleem"), where every mistake is a link. */
export function errorSummary(scope: Page | Locator): Locator {
	return scope.getByRole('alert', { name: 'Er is een probleem' });
}
