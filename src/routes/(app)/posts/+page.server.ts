import { getLocale } from '$lib/paraglide/runtime.js';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { filtersQuery, listOpenPosts, parseFilters } from '$lib/server/posts/list';
import { neighbourhoodCentre, viewerOf } from '$lib/server/posts/viewer';
import { recordListVisit } from '$lib/server/posts/visits';
import { listCategoryChoices } from '$lib/server/profile/categories';
import type { PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

// Signed-in residents only: the list is for neighbours, like the public profiles.
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const filters = parseFilters(event.url.searchParams);
	const now = clock.now();
	const view = event.url.searchParams.get('view') === 'map' ? 'map' : 'list';
	const viewer = { ...viewerOf(db, user.id), seenBefore: recordListVisit(db, user.id, now) };
	const result =
		view === 'list'
			? listOpenPosts(db, filters, viewer, now, getLocale())
			: { items: [], page: 1, hasNext: false };
	return {
		view,
		query: filtersQuery(filters, 1),
		centre: viewer.point ?? neighbourhoodCentre(db, user.id),
		seenBefore: viewer.seenBefore,
		filters,
		hasPlace: viewer.point !== null,
		categories: listCategoryChoices(db, getLocale()),
		items: result.items,
		page: result.page,
		prevUrl: result.page > 1 ? `/posts${filtersQuery(filters, result.page - 1)}` : null,
		nextUrl: result.hasNext ? `/posts${filtersQuery(filters, result.page + 1)}` : null
	};
};
