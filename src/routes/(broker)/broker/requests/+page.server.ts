import { requireBroker } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { openRequests } from '$lib/server/matching/requests';
import { brokeredNeighbourhoods } from '$lib/server/neighbourhoods/brokers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireBroker(event);
	const ids = brokeredNeighbourhoods(db, user).map((n) => n.id);
	// From Today: only the requests nobody answered within the neighbourhood's days.
	const unanswered = event.url.searchParams.get('unanswered') === '1';
	return {
		unanswered,
		requests: openRequests(db, ids, unanswered ? { unansweredAt: clock.now() } : {})
	};
};
