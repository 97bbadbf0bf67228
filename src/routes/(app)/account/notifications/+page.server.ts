import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { readReach } from '$lib/server/notify/preferences';
import { reachForm, submitReach } from '$lib/server/notify/reach-form';
import type { Actions, PageServerLoad } from './$types';

/** "How we reach you": the person's channel per kind of message, and their quiet hours. */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const reach = readReach(db, user.id);
	if (!reach) error(404, 'not found');
	return { channels: reach.channels, form: await reachForm(reach) };
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireUser(event);
		return submitReach(db, event.request, user.id, user.id, m.notify_saved(), clock.now());
	}
};
