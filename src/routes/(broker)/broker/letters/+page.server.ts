import { requireBroker } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { lettersToPrint } from '$lib/server/letters/letters';
import { brokeredNeighbourhoods } from '$lib/server/neighbourhoods/brokers';
import type { PageServerLoad } from './$types';

/**
 * Brokers only: a letter shows a person's home address, which the desk's volunteers may not see
 * (they find borrowers by name and street only), so the desk has no letters list.
 */
export const load: PageServerLoad = (event) => {
	const user = requireBroker(event);
	const ids = brokeredNeighbourhoods(db, user).map((n) => n.id);
	return { letters: lettersToPrint(db, ids) };
};
