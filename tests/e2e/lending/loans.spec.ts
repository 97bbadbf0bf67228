import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test } from '../fixtures';
import { nextWeekday, shift, today } from '../dates';
import { signIn, signOut } from '../pages/auth';
import { bookTool } from '../pages/lending';

const SOFIE = 'sofie@naburig.example';

test('a resident sees only her own reservations, is refused others’ loans, and cancels one', async ({
	page
}) => {
	// Next week's Monday to Wednesday: the pick-up place is open on weekdays.
	const monday = nextWeekday(today(), 1);
	const wednesday = shift(monday, 2);

	// Sofie reserves the coffee maker for a party.
	await signIn(page, SOFIE, DEMO_PASSWORD);
	await bookTool(
		page,
		{ search: 'koffie', name: 'Koffiezetapparaat voor 40 tassen' },
		monday,
		wednesday
	);
	await expect(page).toHaveURL(/\/loans\?reserved=\d+/);

	// Only her own: not Maria's pressure washer or steamer, not Jozef's hedge trimmer.
	const current = page.getByRole('region', { name: 'Nu en binnenkort' });
	await expect(current.getByRole('heading', { level: 3 })).toHaveText([
		'Koffiezetapparaat voor 40 tassen'
	]);
	await expect(page.getByRole('main')).not.toContainText('Behangafstomer');
	await expect(page.getByRole('main')).not.toContainText('Hogedrukreiniger');
	await expect(page.getByRole('main')).not.toContainText('heggenschaar');
	await expectAccessible(page);

	const loanId = new URL(page.url()).searchParams.get('reserved')!;
	await signOut(page);

	// Maria does not see Sofie's reservation, cannot open its page, nor cancel it.
	await signIn(page, DEMO.resident, DEMO_PASSWORD);
	await page.goto('/loans');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Mijn reservaties en leningen' })
	).toBeVisible();
	await expect(page.getByRole('main')).not.toContainText('Koffiezetapparaat');
	const other = await page.goto(`/desk/loans/${loanId}`);
	expect(other?.status()).toBe(403);
	await expect(page.getByRole('main')).not.toContainText('Sofie');
	const forged = await page.request.post('/loans?/cancel', {
		form: { loanId },
		headers: { origin: new URL(page.url()).origin }
	});
	expect(forged.status()).toBe(404);
	await signOut(page);

	await signIn(page, SOFIE, DEMO_PASSWORD);
	// She cancels her reservation: it moves to the past, the days are free again.
	await page.goto('/loans');
	await page
		.getByRole('button', { name: 'Reservatie van Koffiezetapparaat voor 40 tassen annuleren' })
		.click();
	await expect(page.getByRole('status')).toHaveText(
		'Je reservatie is geannuleerd. Bedankt om het te laten weten.'
	);
	await expect(page.getByText('Je hebt nu niets gereserveerd of geleend.')).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Vroeger' }).getByRole('listitem').filter({
			hasText: 'Koffiezetapparaat voor 40 tassen'
		})
	).toContainText('Geannuleerd');
	await expectAccessible(page);
});
