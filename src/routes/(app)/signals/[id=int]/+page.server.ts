import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { ownSignal } from '$lib/server/backoffice/signal-cycle';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

// One's own signal and the neighbourhood worker's answers; someone else's is not found.
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const signal = ownSignal(db, user.id, Number(event.params.id));
	if (!signal) error(404, 'not found');
	return { signal };
};
