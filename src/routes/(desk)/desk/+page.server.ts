import { redirect } from '@sveltejs/kit';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { findToolIdByTag } from '$lib/server/lending/catalogue';
import { deskToday, deskTools } from '$lib/server/lending/desk';
import { requireSomeDesk } from '$lib/server/lending/desk-access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { neighbourhoodId } = requireSomeDesk(event);
	const tag = event.url.searchParams.get('tag')?.trim() ?? '';
	let notFound = false;
	if (tag) {
		const id = findToolIdByTag(db, tag);
		if (id != null) redirect(303, `/desk/tools/${id}`);
		notFound = true;
	}
	return {
		tag,
		notFound,
		...deskToday(db, neighbourhoodId, clock.now()),
		tools: deskTools(db, neighbourhoodId)
	};
};
