import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { getPublicProfile } from '$lib/server/profile/public';
import * as clock from '$lib/server/clock';
import { publicBadges } from '$lib/server/trust/badges';
import { blockPerson, hasBlocked, unblockPerson } from '$lib/server/talk/safety';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const profile = getPublicProfile(db, event.params.id, getLocale());
	if (!profile) error(404, 'not found');
	const own = profile.id === user.id;
	return {
		profile,
		own,
		blocked: !own && hasBlocked(db, user.id, profile.id),
		// Public parts only: kind, label and date, never what the broker checked.
		badges: publicBadges(db, profile.id, clock.now())!
	};
};

function other(event: RequestEvent) {
	const user = requireUser(event);
	const profile = getPublicProfile(db, event.params.id, getLocale());
	if (!profile || profile.id === user.id) error(404, 'not found');
	return { user, profile };
}

export const actions: Actions = {
	block: (event) => {
		const { user, profile } = other(event);
		blockPerson(db, user.id, profile.id, clock.now());
		return { blockedDone: true };
	},
	unblock: (event) => {
		const { user, profile } = other(event);
		unblockPerson(db, user.id, profile.id);
		return { unblockedDone: true };
	}
};
