import { expect, type Page } from '@playwright/test';

/** At the desk, looks a tool up by the number on its sticker; lands on the tool's desk page. */
export async function findTool(page: Page, assetTag: string): Promise<void> {
	await page.goto('/desk');
	await page.getByLabel('Toestel zoeken op nummer').fill(assetTag);
	await page.getByRole('button', { name: 'Zoek' }).click();
}

/** Opens the desk's photo page of a tool, found by its number; `name` is in its heading. */
export async function openToolPhotos(page: Page, assetTag: string, name: RegExp): Promise<void> {
	await findTool(page, assetTag);
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	await page.getByRole('link', { name: "Foto's" }).click();
}
