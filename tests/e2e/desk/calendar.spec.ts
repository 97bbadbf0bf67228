import ICAL from 'ical.js';
import { expect, expectAccessible, test } from '../fixtures';

test('the desk puts its pick-ups and returns in a calendar, with first names only', async ({
	asBroker: page,
	playwright
}) => {
	const calendarApp = await playwright.request.newContext();
	await page.goto('/desk');
	await page.getByRole('link', { name: 'Balie in je agenda' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'De uitleenbalie in je agenda' })
	).toBeVisible();
	await page.getByRole('button', { name: 'Agenda-adres maken' }).click();
	const field = page.getByLabel('Je agenda-adres');
	await expect(field).toHaveValue(/\/calendar\/[a-z2-7]{52}\.ics$/);
	const address = await field.inputValue();
	await expectAccessible(page);

	const feed = await calendarApp.get(address);
	expect(feed.status()).toBe(200);
	const ics = await feed.text();
	const calendar = new ICAL.Component(ICAL.parse(ics));
	expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Naburig – uitleenbalie');
	const summaries = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).summary);
	// The demo's loans: Fatima's mower, Jozef's hedge trimmer, Maria's pressure washer.
	expect(summaries).toEqual(
		expect.arrayContaining([
			'Fatima haalt Grasmaaier (elektrisch) op',
			'Jozef brengt Elektrische heggenschaar terug',
			'Maria haalt Hogedrukreiniger op'
		])
	);
	// Never a surname, a street or a phone number.
	expect(ics).not.toMatch(/Janssens|Peeters|straat|\b0\d{2,3}[ /]?\d{2}/);

	await page.getByRole('button', { name: 'Agenda-adres stoppen' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Je agenda-adres werkt niet meer.' })
	).toBeVisible();
	expect((await calendarApp.get(address)).status()).toBe(404);
	await calendarApp.dispose();
});
