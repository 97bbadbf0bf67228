import { siteOrigin } from '$lib/server/config';
import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { findGathering, neighbourhoodZone, signupCounts } from '$lib/server/volunteers/gatherings';
import { isForPerson, signupOf } from '$lib/server/volunteers/gathering-signups';
import { ownCancel, ownSignup } from '$lib/server/volunteers/gathering-actions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The gathering, when it is meant for this person or they have a place at it; else a 404. */
function gatheringOf(event: RequestEvent) {
	const user = requireUser(event);
	const g = findGathering(db, Number(event.params.id));
	const mine = g ? signupOf(db, g.id, user.id) : undefined;
	if (!g || (!mine && !isForPerson(db, g, user.id))) error(404, 'not found');
	return { user, g, mine };
}

export const load: PageServerLoad = (event) => {
	const { g, mine } = gatheringOf(event);
	const now = clock.now();
	const taken = signupCounts(db, [g.id]).get(g.id)?.signedUp ?? 0;
	return {
		gathering: {
			id: g.id,
			kind: g.kind,
			name: g.name,
			description: g.description,
			place: g.place,
			startsAt: g.startsAt,
			endsAt: g.endsAt,
			timeZone: neighbourhoodZone(db, g.neighbourhoodId),
			placesLeft: g.capacity === null ? null : Math.max(0, g.capacity - taken),
			cancelled: g.cancelledAt !== null,
			open: g.cancelledAt === null && g.startsAt > now
		},
		status: mine?.status ?? null
	};
};

export const actions: Actions = {
	signup: (event) => {
		const { user, g } = gatheringOf(event);
		return ownSignup(db, g.id, user.id, clock.now());
	},
	cancel: (event) => {
		const { user, g } = gatheringOf(event);
		return ownCancel(db, g.id, user.id, clock.now(), siteOrigin());
	}
};
