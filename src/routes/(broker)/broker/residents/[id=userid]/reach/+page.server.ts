import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import { getResident } from '$lib/server/broker/residents';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { lastReached } from '$lib/server/notify/last-reached';
import { readReach } from '$lib/server/notify/preferences';
import { reachForm, submitReach } from '$lib/server/notify/reach-form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The person, when this broker works in their neighbourhood (an admin everywhere). */
function guard(event: RequestEvent) {
	requireBroker(event);
	const person = getResident(db, event.params.id);
	if (!person || person.neighbourhoodId === null) error(404, 'not found');
	const user = requireBrokerOf(event, person.neighbourhoodId);
	return { user, person };
}

/** How we reach someone, set by their broker on the phone with them (audited). */
export const load: PageServerLoad = async (event) => {
	const { person } = guard(event);
	const reach = readReach(db, person.id);
	if (!reach) error(404, 'not found');
	return {
		person: { id: person.id, displayName: person.displayName, timeZone: person.timeZone },
		last: lastReached(db, [person.id]).get(person.id) ?? null,
		channels: reach.channels,
		form: await reachForm(reach)
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { user, person } = guard(event);
		const saved = m.notify_broker_saved({ name: person.displayName });
		return submitReach(db, event.request, person.id, user.id, saved, clock.now());
	}
};
