import { locales } from '$lib/paraglide/runtime.js';
import { LANGUAGE_NAMES } from '$lib/i18n';
import { db } from '$lib/server/db';
import { printCard } from '$lib/server/posts/print-card';
import { brokerPost } from '../guard.server';
import type { PageServerLoad } from './$types';

/** Public facts only: never the name, address or phone of the person who asked. */
export const load: PageServerLoad = (event) => {
	const { post } = brokerPost(event);
	const card = printCard(db, post, event.url.searchParams.get('lang'));
	return {
		card,
		// The languages it can be printed in, the person's own first.
		languages: [card.ownLocale, ...locales.filter((l) => l !== card.ownLocale)].map((l) => ({
			locale: l,
			name: LANGUAGE_NAMES[l] ?? l
		}))
	};
};
