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
	await expect(page.getByRole('heading', { level: 1, name: /^Foto's: / })).toBeVisible();
}

/** At the desk's booking page: finds a resident (by name, or phone for brokers) and opens their booking. */
export async function openBookingFor(page: Page, search: string, name: string): Promise<void> {
	await page.goto('/desk/book');
	await page.getByRole('search').getByRole('textbox').fill(search);
	await page.getByRole('button', { name: 'Zoeken' }).click();
	await page.getByRole('link', { name: `Gereedschap reserveren voor ${name}` }).click();
}

interface HandOver {
	/** The state as the desk's list names it, e.g. "Goed". */
	condition: string;
	/** The parts ticked, as the tool's card names them. */
	parts?: string[];
	/** The deposit's answer, e.g. "Geen waarborg nodig". */
	deposit?: string;
}

/** On a reservation's desk page: fills in the hand-over (state, parts, deposit), not yet sent. */
export async function fillCheckOut(page: Page, out: HandOver): Promise<void> {
	await page.getByLabel('In welke staat is het toestel?').selectOption({ label: out.condition });
	for (const part of out.parts ?? []) await page.getByLabel(part, { exact: true }).check();
	if (out.deposit) await page.getByLabel(out.deposit).check();
}

/** Sends the hand-over ("Meegeven bevestigen"). */
export async function confirmCheckOut(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Meegeven bevestigen' }).click();
}

/** Hands a reserved tool over: fills in the hand-over and sends it. */
export async function checkOut(page: Page, out: HandOver): Promise<void> {
	await fillCheckOut(page, out);
	await confirmCheckOut(page);
}

interface TakeBack {
	condition: string;
	/** The parts that came back. */
	parts?: string[];
	/** What is broken, in words. */
	damage?: string;
	/** Sends it to repair with this note of what must be mended. */
	repair?: string;
}

/** On a loan's desk page: fills in the check-in (state, parts, damage, repair), not yet sent. */
export async function fillCheckIn(page: Page, back: TakeBack): Promise<void> {
	await page.getByLabel('In welke staat is het toestel?').selectOption({ label: back.condition });
	for (const part of back.parts ?? []) await page.getByLabel(part, { exact: true }).check();
	if (back.damage) await page.getByLabel('Schade (als er iets kapot is)').fill(back.damage);
	if (back.repair) {
		await page.getByLabel('Naar herstelling').check();
		await page.getByLabel('Wat moet er hersteld worden?').fill(back.repair);
	}
}

/** Sends the check-in ("Terugname bevestigen"). */
export async function confirmCheckIn(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Terugname bevestigen' }).click();
}

/** Takes a tool back: fills in the check-in and sends it. */
export async function checkIn(page: Page, back: TakeBack): Promise<void> {
	await fillCheckIn(page, back);
	await confirmCheckIn(page);
}
