import { expect, expectAccessible, test } from '../fixtures';
import { fillIntake } from '../pages/broker';
import { fillPost } from '../pages/posts';
import { say } from './words';

// Issue 19: the broker registers a French-speaking resident on the phone, with French as the
// language of her letters and messages; the card the broker prints for her request is in French.

test('the print card for a French-speaking resident is in French', async ({ asBroker: page }) => {
	const suffix = Date.now().toString(36);
	const name = `Solange ${suffix}`;
	await page.goto('/broker/intake');
	await fillIntake(page, {
		name,
		phone: '02 555 12 34',
		street: 'Kazernestraat',
		house: '7',
		languages: ['Frans (Français)'],
		messageLanguage: 'Français'
	});
	await page.getByRole('button', { name: 'Inschrijven' }).click();
	await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
	const personUrl = page.url();
	const language = page.getByRole('definition').filter({ hasText: 'Français' });
	await expect(language).toBeVisible();
	await expect(language.getByText('Français')).toHaveAttribute('lang', 'fr');

	await page.getByRole('link', { name: `Vraag of aanbod plaatsen voor ${name}` }).click();
	const title = `Aide pour les courses ${suffix}`;
	await fillPost(page, {
		kind: 'Ik zoek hulp',
		category: 'Boodschappen',
		title,
		body: 'Je ne peux plus porter les sacs. Qui fait les courses avec moi le jeudi ?'
	});
	await page.getByRole('button', { name: 'Versturen' }).click();
	await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();

	// The broker's page stays Dutch; the card is French, her language, marked as such.
	await page.getByRole('link', { name: 'Kaartje om af te drukken' }).click();
	await expect(
		page.getByRole('heading', { name: 'Kaartje om af te drukken', level: 1 })
	).toBeVisible();
	const cardUrl = page.url();
	const card = page.getByRole('article', { name: title });
	await expect(card).toHaveAttribute('lang', 'fr');
	await expect(card).toHaveAttribute('dir', 'ltr');
	await expect(card).toContainText(say('fr', 'post_kind_request_short'));
	await expect(card).toContainText(say('fr', 'post_label_when'));
	await expect(card).toContainText(say('fr', 'post_when_flexible'));
	await expect(card).toContainText(say('fr', 'intake_card_call', { phone: '0470 11 22 33' }));
	await expect(card).not.toContainText('Bel de buurtwerker');
	await expectAccessible(page);

	// Printed for the neighbours in Dutch too, or in Arabic, right to left.
	const languages = page.getByRole('navigation', { name: 'Taal van het kaartje' });
	await expect(languages.getByText('Français: de taal van de bewoner')).toHaveAttribute(
		'aria-current',
		'true'
	);
	await languages.getByRole('link', { name: 'Nederlands' }).click();
	await expect(card).toHaveAttribute('lang', 'nl');
	await expect(card).toContainText('Bel de buurtwerker: 0470 11 22 33');
	await languages.getByRole('link', { name: 'العربية' }).click();
	await expect(card).toHaveAttribute('dir', 'rtl');
	await expect(card).toContainText(
		say('ar', 'intake_card_ref', { id: page.url().match(/posts\/(\d+)/)![1]! })
	);
	await expectAccessible(page);

	// Later, on the phone, she would rather have Turkish: her broker changes it, and the card
	// (and every letter and message after it) follows.
	await page.goto(personUrl);
	await page.getByRole('link', { name: 'Andere taal kiezen' }).click();
	const choice = page.getByRole('group', {
		name: 'In welke taal krijgt de persoon brieven en berichten?'
	});
	await expect(choice.getByRole('radio', { name: 'Français' })).toBeChecked();
	await choice.getByRole('radio', { name: 'Türkçe' }).check();
	await page.getByRole('button', { name: 'Taal bewaren' }).click();
	await expect(
		page.getByText(`Brieven en berichten aan ${name} gaan voortaan in deze taal: Türkçe.`)
	).toBeVisible();
	await expectAccessible(page);
	await page.goto(cardUrl);
	await expect(card).toHaveAttribute('lang', 'tr');
	await expect(card).toContainText(say('tr', 'intake_card_call', { phone: '0470 11 22 33' }));
});
