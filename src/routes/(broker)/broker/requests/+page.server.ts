import { requireBroker } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { openRequests } from '$lib/server/matching/requests';
import { brokeredNeighbourhoods } from '$lib/server/neighbourhoods/brokers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireBroker(event);
	const ids = brokeredNeighbourhoods(db, user).map((n) => n.id);
	return { requests: openRequests(db, ids) };
};
