import { requireUser } from '$lib/server/auth/guard';
import { ownSignals } from '$lib/server/broker/signals';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { signals: ownSignals(db, user.id), sent: event.url.searchParams.has('sent') };
};
