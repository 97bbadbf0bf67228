import { expect, expectAccessible, test } from '../fixtures';
import { newPerson } from '../pages/account';
import { signIn, signUpAndVerify } from '../pages/auth';
import { errorSummary } from '../pages/forms';

/** A mobile number nobody else in this run has: 0470 and six random digits. */
function uniqueMobile() {
	const digits = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
	return {
		typed: `0470 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)}`,
		e164: `+32470${digits}`
	};
}

test('a resident confirms their mobile number with the code from an SMS and gets the phone badge', async ({
	page
}) => {
	const person = newPerson('gsm', 'Ayşe');
	const mobile = uniqueMobile();
	await signUpAndVerify(page, person);
	await signIn(page, person.email, person.password);

	await page.goto('/account/phone');
	await expect(
		page.getByRole('heading', { name: 'Je gsm-nummer bevestigen', level: 1 })
	).toBeVisible();
	await expect(page.getByText('Je gaf nog geen telefoonnummer op.')).toBeVisible();
	await expectAccessible(page);

	// A mistake is explained beside the field, and what was typed stays.
	const request = page.getByRole('region', { name: 'Je gsm-nummer' });
	await request.getByLabel('Je gsm-nummer').fill('bel me');
	await request.getByRole('button', { name: 'Stuur mij een code' }).click();
	await expect(
		errorSummary(request).getByRole('link', { name: /Dit lijkt geen gsm-nummer/ })
	).toBeVisible();
	await expect(request.getByLabel('Je gsm-nummer')).toHaveValue('bel me');

	await request.getByLabel('Je gsm-nummer').fill(mobile.typed);
	await request.getByRole('button', { name: 'Stuur mij een code' }).click();
	await expect(
		request.getByText(`We stuurden een sms met een code naar ${mobile.e164}.`)
	).toBeVisible();

	// Without an SMS provider the SMS waits in the built-in mailbox, beside the mails.
	await page.goto('/mailbox');
	const row = page.getByRole('row').filter({ hasText: mobile.e164 });
	await expect(row).toContainText('Sms');
	await expect(row).toContainText('1 sms-deel');
	const code = /Je code voor Naburig: (\d{6})\./.exec(await row.innerText())![1]!;
	await expectAccessible(page);
	// Its own page says to whom, how many parts, and the text as the phone shows it.
	await row.getByRole('link', { name: /Je code voor Naburig/ }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: `Sms naar ${mobile.e164}` })
	).toBeVisible();
	await expect(page.getByText('Sms · 1 sms-deel')).toBeVisible();
	await expect(page.getByTestId('mail-body')).toContainText(`Je code voor Naburig: ${code}.`);
	await expectAccessible(page);

	await page.goto('/account/phone');
	const confirm = page.getByRole('region', { name: 'Typ de code over' });
	await expect(
		confirm.getByText(`We stuurden een sms met een code naar ${mobile.e164}.`)
	).toBeVisible();
	const wrong = code === '123456' ? '654321' : '123456';
	await confirm.getByLabel('De code uit de sms').fill(wrong);
	await confirm.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(
		errorSummary(confirm).getByRole('link', {
			name: 'Deze code klopt niet. Je kunt het nog 4 keer proberen.'
		})
	).toBeVisible();
	await expectAccessible(page);

	await confirm.getByLabel('De code uit de sms').fill(code);
	await confirm.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page.getByRole('status')).toContainText(
		`Gelukt: je nummer ${mobile.e164} is bevestigd.`
	);
	await expect(
		page.getByText(`Je nummer ${mobile.e164} is bevestigd.`, { exact: true })
	).toBeVisible();

	// Others now see the badge on the person's profile.
	await page.goto('/profile');
	await page.getByRole('link', { name: 'Bekijk hoe anderen je zien' }).click();
	await expect(page.getByText('Telefoonnummer nagekeken', { exact: false })).toBeVisible();
	await expect(page.getByText(/bevestigde het gsm-nummer met een code per sms/)).toBeVisible();
});
