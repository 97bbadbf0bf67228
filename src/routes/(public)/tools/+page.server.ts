import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getLocale } from '$lib/paraglide/runtime.js';
import { db } from '$lib/server/db';
import {
	findToolIdByTag,
	listToolCategories,
	searchCatalogue
} from '$lib/server/lending/catalogue';
import type { PageServerLoad } from './$types';

// The catalogue's filters are GET parameters, so a filtered list can be bookmarked and shared.
const query = z.object({
	q: z.string().trim().max(100).catch(''),
	category: z.string().trim().max(60).catch(''),
	tag: z.string().trim().max(60).optional().catch(undefined)
});

/** Public: anyone may browse the catalogue, signed in or not. */
export const load: PageServerLoad = ({ url }) => {
	const params = query.parse(Object.fromEntries(url.searchParams));
	let tagNotFound: string | null = null;
	if (params.tag !== undefined && params.tag !== '') {
		const id = findToolIdByTag(db, params.tag);
		if (id !== null) redirect(303, `/tools/${id}`);
		tagNotFound = params.tag;
	}
	const locale = getLocale();
	return {
		q: params.q,
		category: params.category,
		tag: params.tag ?? '',
		tagNotFound,
		categories: listToolCategories(db, locale),
		tools: searchCatalogue(db, { text: params.q, category: params.category }, locale)
	};
};
