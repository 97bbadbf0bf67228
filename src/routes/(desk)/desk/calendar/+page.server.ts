import { fail } from '@sveltejs/kit';
import { currentFeed, makeFeed, stopFeed } from '$lib/server/calendar-feeds/addresses';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { requireSomeDesk } from '$lib/server/lending/desk/access';
import { neighbourhoodSettings } from '$lib/server/neighbourhoods/settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user, neighbourhoodId } = requireSomeDesk(event);
	return {
		feed: currentFeed(db, { kind: 'desk', userId: user.id, neighbourhoodId }),
		timeZone: neighbourhoodSettings(db, neighbourhoodId).timeZone
	};
};

export const actions: Actions = {
	make: (event) => {
		const { user, neighbourhoodId } = requireSomeDesk(event);
		const token = makeFeed(db, { kind: 'desk', userId: user.id, neighbourhoodId }, clock.now());
		// Shown this once: only the token's hash is kept.
		return { address: `${event.url.origin}/calendar/${token}.ics` };
	},
	stop: (event) => {
		const { user, neighbourhoodId } = requireSomeDesk(event);
		if (!stopFeed(db, { kind: 'desk', userId: user.id, neighbourhoodId }, clock.now()))
			return fail(409, { nothingToStop: true });
		return { stopped: true };
	}
};
