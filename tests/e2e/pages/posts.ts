import { expect, type Page } from '@playwright/test';
import { fillDate } from './forms';

/** Sets the person's street (and house number) on the profile, as they would. */
export async function setStreet(page: Page, street: string, house: string): Promise<void> {
	await page.goto('/profile');
	await page.getByLabel('Je straat').selectOption({ label: street });
	await page.getByLabel('Huisnummer').fill(house);
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('Opgeslagen.')).toBeVisible();
}

/**
 * The person's own exact point as their profile page carries it: a street's point is the exact
 * point of someone who chose only a street. Returned as the text a page would contain.
 */
export async function streetPoint(page: Page, street: string): Promise<[string, string]> {
	await page.goto('/profile');
	const html = await page.content();
	const found = new RegExp(`"${street}",lat:(-?[\\d.]+),lon:(-?[\\d.]+)`).exec(html);
	if (!found) throw new Error(`no point for ${street} on the profile page`);
	return [found[1]!, found[2]!];
}

/** Fills the post form's main fields, and when given, a day with a time window (yyyy-mm-dd, hh:mm). */
export async function fillPost(
	page: Page,
	p: {
		kind: 'Ik zoek hulp' | 'Ik bied hulp';
		category: string;
		title: string;
		body: string;
		when?: { date: string; from: string; to: string };
	}
): Promise<void> {
	await page.getByRole('radio', { name: new RegExp(p.kind) }).check();
	await page.getByRole('radio', { name: p.category }).check();
	await page.getByLabel('Titel').fill(p.title);
	await page.getByLabel('Wat precies?').fill(p.body);
	if (p.when) {
		await page.getByRole('radio', { name: 'Op een bepaalde dag, tussen twee uren' }).check();
		await fillDate(page, 'Op welke dag?', p.when.date);
		await page.getByLabel('Van (uur)').fill(p.when.from);
		await page.getByLabel('Tot (uur)').fill(p.when.to);
	}
}

/** The cards of "my posts" whose title is this one. */
export const myPostCards = (page: Page, title: string) =>
	page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });

/**
 * Sends the post form, reads the page that says it was sent and what happens next, and opens the
 * post itself with that page's link.
 */
export async function sendPost(page: Page, how: 'click' | 'dblclick' = 'click'): Promise<void> {
	await page.getByRole('button', { name: 'Versturen' })[how]();
	await expect(page.getByRole('heading', { level: 1, name: /is verstuurd$/ })).toBeVisible();
	await page.getByRole('link', { name: 'Bekijk je bericht' }).click();
}
