import { requireBroker } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { brokerGatherings, plannerHoods } from '$lib/server/volunteers/gatherings';
import type { PageServerLoad } from './$types';

/** The gatherings of the broker's neighbourhoods: what is coming and what went by. */
export const load: PageServerLoad = (event) => {
	const user = requireBroker(event);
	const hoods = plannerHoods(db, user);
	const zone = new Map(hoods.map((h) => [h.id, h.timeZone]));
	const { upcoming, past } = brokerGatherings(
		db,
		hoods.map((h) => h.id),
		clock.now()
	);
	const shown = (g: (typeof upcoming)[number]) => ({
		id: g.id,
		kind: g.kind,
		name: g.name,
		place: g.place,
		startsAt: g.startsAt,
		endsAt: g.endsAt,
		timeZone: zone.get(g.neighbourhoodId)!,
		cancelled: g.cancelledAt !== null,
		capacity: g.capacity,
		signedUp: g.signedUp,
		waiting: g.waiting
	});
	return { upcoming: upcoming.map(shown), past: past.map(shown) };
};
