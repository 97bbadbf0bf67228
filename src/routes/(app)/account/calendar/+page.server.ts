import { fail } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { currentFeed, makeFeed, stopFeed } from '$lib/server/calendar-feeds/addresses';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { viewerOf } from '$lib/server/posts/viewer';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return {
		feed: currentFeed(db, { kind: 'person', userId: user.id }),
		timeZone: viewerOf(db, user.id).timeZone
	};
};

export const actions: Actions = {
	make: (event) => {
		const user = requireUser(event);
		const token = makeFeed(db, { kind: 'person', userId: user.id }, clock.now());
		// Shown this once: only the token's hash is kept.
		return { address: `${event.url.origin}/calendar/${token}.ics` };
	},
	stop: (event) => {
		const user = requireUser(event);
		if (!stopFeed(db, { kind: 'person', userId: user.id }, clock.now()))
			return fail(409, { nothingToStop: true });
		return { stopped: true };
	}
};
