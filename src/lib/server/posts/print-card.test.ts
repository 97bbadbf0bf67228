import { describe, expect, it } from 'vitest';
import { placePostFor } from '../broker/intake';
import { INTAKE_NOW as NOW, intakeWorld as world } from '../testing/broker';
import { makePostInput } from '../testing/posts';
import { printCard } from './print-card';

// The print card is in the language of the person it is for, unless the broker picks another
// (issue 19); the title and text stay as they were written.

function cardWorld(locale: string) {
	const w = world();
	const r = w.register({ languages: ['nl', 'en'], locale });
	if (!r.ok) throw new Error(r.error);
	const placed = placePostFor(w.db, w.broker.id, r.user.id, makePostInput(w.category.id), NOW);
	if (!placed.ok) throw new Error(placed.error);
	return { ...w, post: placed.post };
}

describe('printCard', () => {
	it('is in the language recorded for the person, whatever the broker reads', () => {
		const { db, post } = cardWorld('en');
		const card = printCard(db, post, null);
		expect(card).toMatchObject({
			locale: 'en',
			ownLocale: 'en',
			dir: 'ltr',
			kindWord: 'Request',
			labels: { category: 'Category', when: 'When' },
			when: 'Whenever it suits',
			title: 'Lamp vervangen in de keuken',
			textLang: 'nl'
		});
		expect(card.ref).toBe(`Mention this number: ${post.id}`);
	});

	it('is in another language when the broker picks one, right to left for Arabic', () => {
		const { db, post } = cardWorld('fr');
		expect(printCard(db, post, null).locale).toBe('fr');
		const arabic = printCard(db, post, 'ar');
		expect(arabic).toMatchObject({ locale: 'ar', ownLocale: 'fr', dir: 'rtl' });
		expect(printCard(db, post, 'xx').locale).toBe('fr');
	});
});
