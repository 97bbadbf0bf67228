import { requireBroker } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { brokeredNeighbourhoods } from '$lib/server/neighbourhoods/brokers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireBroker(event);
	return { neighbourhoods: brokeredNeighbourhoods(db, user), isAdmin: user.role === 'admin' };
};
