import { json } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { parseFilters } from '$lib/server/posts/list';
import { markersIn, viewportSchema } from '$lib/server/posts/markers';
import { viewerOf } from '$lib/server/posts/viewer';
import type { RequestHandler } from './$types';

/** The map's markers for a viewport and the list's filters: signed-in residents, as the list. */
export const GET: RequestHandler = ({ locals, url }) => {
	if (!locals.user) return json({ error: 'Sign in to see the map.' }, { status: 401 });
	const viewport = viewportSchema.safeParse(Object.fromEntries(url.searchParams));
	if (!viewport.success)
		return json(
			{ error: viewport.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') },
			{ status: 400 }
		);
	const markers = markersIn(
		db,
		viewport.data,
		parseFilters(url.searchParams),
		viewerOf(db, locals.user.id),
		clock.now(),
		getLocale()
	);
	return json({ markers });
};
