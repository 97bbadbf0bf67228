import { siteOrigin } from '$lib/server/config';
import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { gatheringsFor } from '$lib/server/volunteers/gathering-signups';
import { neighbourhoodZone } from '$lib/server/volunteers/gatherings';
import { ownCancel, ownSignup } from '$lib/server/volunteers/gathering-actions';
import type { Actions, PageServerLoad } from './$types';

/** The gathering a form names: a positive whole number, or a 400. */
async function postedId(request: Request): Promise<number> {
	const id = Number((await request.formData()).get('gatheringId'));
	if (!Number.isSafeInteger(id) || id < 1) error(400, 'bad request');
	return id;
}

/** The upcoming gatherings open to this person: places left, their own place. */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const list = gatheringsFor(db, user.id, clock.now());
	return {
		gatherings: list.map((g) => ({
			id: g.id,
			kind: g.kind,
			name: g.name,
			place: g.place,
			startsAt: g.startsAt,
			endsAt: g.endsAt,
			timeZone: neighbourhoodZone(db, g.neighbourhoodId),
			placesLeft: g.placesLeft,
			status: g.status
		}))
	};
};

export const actions: Actions = {
	signup: async (event) => {
		const user = requireUser(event);
		return ownSignup(db, await postedId(event.request), user.id, clock.now());
	},
	cancel: async (event) => {
		const user = requireUser(event);
		return ownCancel(db, await postedId(event.request), user.id, clock.now(), siteOrigin());
	}
};
