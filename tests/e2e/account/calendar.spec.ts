import type { APIRequestContext, Page } from '@playwright/test';
import ICAL from 'ical.js';
import { expect, expectAccessible, test } from '../fixtures';

/** The address the page shows once, right after it was made. */
async function shownAddress(page: Page): Promise<string> {
	const field = page.getByLabel('Je agenda-adres');
	await expect(field).toHaveValue(/^http:\/\/localhost:\d+\/calendar\/[a-z2-7]{52}\.ics$/);
	return field.inputValue();
}

/** The summaries of the feed's events, as a calendar app reads them. */
function summaries(ics: string): string[] {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Naburig');
	return calendar
		.getAllSubcomponents('vevent')
		.map((v) => new ICAL.Event(v))
		.map((e) => `${e.summary} ${e.startDate.isDate ? 'all day' : e.startDate.toString()}`);
}

test('a resident puts his Naburig days in a calendar app, makes a new address and stops it', async ({
	asHelper: page,
	playwright
}) => {
	// A calendar app (Google's servers, a phone) fetches the address without anyone's cookies.
	const calendarApp: APIRequestContext = await playwright.request.newContext();

	await page.goto('/account/calendar');
	await expect(page.getByRole('heading', { level: 1, name: 'Naburig in je agenda' })).toBeVisible();
	await expect(page.getByText('Zet je Naburig-dagen in de agenda van je telefoon')).toBeVisible();
	await page.getByRole('button', { name: 'Agenda-adres maken' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Je agenda-adres is klaar' })
	).toBeVisible();
	const first = await shownAddress(page);
	await expect(page.getByRole('link', { name: 'Openen in je agenda-app' })).toHaveAttribute(
		'href',
		first.replace(/^http:/, 'webcal:')
	);
	await expectAccessible(page);

	const feed = await calendarApp.get(first);
	expect(feed.status()).toBe(200);
	expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	expect(feed.headers()['cache-control']).toBe('private, no-store');
	// Jozef borrowed the hedge trimmer (the demo's loan): its pick-up and return days are there.
	expect(summaries(await feed.text())).toEqual(
		expect.arrayContaining([
			'Elektrische heggenschaar ophalen all day',
			'Elektrische heggenschaar terugbrengen all day'
		])
	);
	// He is in the demo's care circle around Gilbert (issue 22): its moments are there, with who took them.
	expect(summaries(await feed.text()).join('\n')).toMatch(/Boodschappen bij Gilbert: jij /);

	// Back on the page later: the address is not shown again, but that an app read it is.
	await page.goto('/account/calendar');
	await expect(page.getByLabel('Je agenda-adres')).toHaveCount(0);
	await expect(page.getByText('Je agenda-app heeft het voor het laatst gelezen op')).toBeVisible();

	// A new address: the old one stops working.
	await page.getByRole('button', { name: 'Nieuw adres maken' }).click();
	const second = await shownAddress(page);
	expect(second).not.toBe(first);
	expect((await calendarApp.get(first)).status()).toBe(404);
	expect((await calendarApp.get(second)).status()).toBe(200);

	// Stopped: the calendar app gets nothing any more.
	await page.getByRole('button', { name: 'Agenda-adres stoppen' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Je agenda-adres werkt niet meer.' })
	).toBeVisible();
	await expect(page.getByText('Je hebt nog geen agenda-adres.')).toBeVisible();
	expect((await calendarApp.get(second)).status()).toBe(404);
	await calendarApp.dispose();
});
