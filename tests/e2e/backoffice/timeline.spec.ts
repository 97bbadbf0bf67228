import { expect, expectAccessible, test } from '../fixtures';

/**
 * Issue 21 §2: the broker reads everything about a person on one timeline, newest first; filters
 * it by kind; goes to older items; and the read is in the audit log.
 */
test('the broker reads a person’s timeline, filters it and goes to older items; the read is logged', async ({
	asBroker: an
}) => {
	await an.goto('/broker/residents?q=Jozef%20Peeters');
	await an.getByRole('link', { name: 'Jozef Peeters', exact: true }).click();
	await an.getByRole('link', { name: 'Alles over deze persoon, op een tijdlijn' }).click();
	await expect(
		an.getByRole('heading', { level: 1, name: 'Tijdlijn van Jozef Peeters' })
	).toBeVisible();
	const list = an.getByRole('list', { name: 'Tijdlijn, nieuwste eerst' });
	const items = list.getByRole('listitem');
	await expect(items).toHaveCount(30);
	await expect(list).toContainText('Helpt bij:');
	await expectAccessible(an);

	// Older items: a second page, none of the first repeated.
	const firstPage = await items.allTextContents();
	await an.getByRole('link', { name: 'Oudere' }).click();
	// The older page has its own address: read the list only once it is there.
	await an.waitForURL(/before=/);
	await expect(items.first()).toBeVisible();
	const secondPage = await items.allTextContents();
	expect(secondPage.length).toBeGreaterThan(0);
	expect(secondPage.filter((t) => firstPage.includes(t))).toEqual([]);

	// Only badges: his training and his checks.
	await an.getByRole('link', { name: 'Naar het nieuwste' }).click();
	await an.getByRole('checkbox', { name: 'Badge' }).check();
	await an.getByRole('button', { name: 'Toon', exact: true }).click();
	await expect(items).toHaveCount(3);
	for (const text of await items.allTextContents()) expect(text).toContain('Badge gekregen');
	await expect(an.getByRole('link', { name: 'Oudere' })).toHaveCount(0);

	await an.goto('/broker/audit');
	await expect(an.getByText('Tijdlijn gelezen').first()).toBeVisible();
});
