import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { slotForViewer } from '$lib/server/circles/slot-view';
import type { PageServerLoad } from './$types';

/** One moment: for the circle's members, and for the neighbour from outside who took it (only this). */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const slot = slotForViewer(db, Number(event.params.id), user.id);
	if (!slot) error(404, 'not found');
	return { slot, taken: event.url.searchParams.has('taken') };
};
