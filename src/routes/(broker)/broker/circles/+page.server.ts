import { requireBroker } from '$lib/server/auth/guard';
import { circlesForBroker } from '$lib/server/circles/broker-view';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { brokeredNeighbourhoods } from '$lib/server/neighbourhoods/brokers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireBroker(event);
	const ids = brokeredNeighbourhoods(db, user).map((n) => n.id);
	return { circles: circlesForBroker(db, ids, clock.now()) };
};
