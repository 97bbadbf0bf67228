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
	tag: z.string().trim().max(60).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).catch(1)
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
	const found = searchCatalogue(
		db,
		{ text: params.q, category: params.category },
		locale,
		params.page
	);
	// Page links keep the search and the kind, so paging never loses what was asked.
	const link = (n: number) => {
		const search = new URLSearchParams();
		if (params.q) search.set('q', params.q);
		if (params.category) search.set('category', params.category);
		if (n > 1) search.set('page', String(n));
		const s = search.toString();
		return `/tools${s ? `?${s}` : ''}`;
	};
	return {
		q: params.q,
		category: params.category,
		tag: params.tag ?? '',
		tagNotFound,
		categories: listToolCategories(db, locale),
		tools: found.items,
		total: found.total,
		page: found.page,
		pages: found.pages,
		prevUrl: found.page > 1 ? link(found.page - 1) : null,
		nextUrl: found.page < found.pages ? link(found.page + 1) : null
	};
};
