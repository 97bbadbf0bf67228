import { inArray } from 'drizzle-orm';
import { requireBroker } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { neighbourhoods } from '$lib/server/db/schema';
import { brokeredNeighbourhoods } from '$lib/server/neighbourhoods/brokers';
import { volunteerOverview } from '$lib/server/volunteers/overview';
import { careFilterOf, CARE_FILTERS, keepRow } from './filters';
import type { PageServerLoad } from './$types';

/** The volunteer overview: per neighbourhood the broker works in, every helper, attention first. */
export const load: PageServerLoad = (event) => {
	const user = requireBroker(event);
	const now = clock.now();
	const filter = careFilterOf(event.url.searchParams.get('filter'));
	const hoods = brokeredNeighbourhoods(db, user);
	const zones = new Map(
		hoods.length
			? db
					.select({ id: neighbourhoods.id, timeZone: neighbourhoods.timeZone })
					.from(neighbourhoods)
					.where(
						inArray(
							neighbourhoods.id,
							hoods.map((h) => h.id)
						)
					)
					.all()
					.map((n) => [n.id, n.timeZone])
			: []
	);
	return {
		filter,
		filters: CARE_FILTERS,
		neighbourhoods: hoods.map((h) => ({
			id: h.id,
			name: h.name,
			timeZone: zones.get(h.id)!,
			helpers: volunteerOverview(db, h.id, now).filter((r) => keepRow(r, filter))
		}))
	};
};
