import { error } from '@sveltejs/kit';
import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { closeSignalSchema } from '$lib/schemas/intake';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import { brokerNeighbourhoodIds } from '$lib/server/broker/intake';
import {
	brokerSignals,
	closeSignal,
	getSignal,
	pickUpSignal,
	recordSignalsRead
} from '$lib/server/broker/signals';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as clock from '$lib/server/clock';

export const load: PageServerLoad = (event) => {
	const user = requireBroker(event);
	const shown = brokerSignals(db, brokerNeighbourhoodIds(db, user));
	recordSignalsRead(
		db,
		user.id,
		shown.map((s) => s.signal),
		clock.now()
	);
	return { signals: shown };
};

/** The signal named in the form, for a broker of its neighbourhood. */
async function signalOf(event: RequestEvent, data: FormData) {
	requireBroker(event);
	const signal = getSignal(db, Number(data.get('signalId')));
	if (!signal) error(404, 'not found');
	const user = requireBrokerOf(event, signal.neighbourhoodId);
	return { user, signal };
}

export const actions: Actions = {
	pickUp: async (event) => {
		const data = await event.request.formData();
		const { user, signal } = await signalOf(event, data);
		pickUpSignal(db, user.id, signal, clock.now());
		return { done: true };
	},
	close: async (event) => {
		const data = await event.request.formData();
		const { user, signal } = await signalOf(event, data);
		const form = await superValidate(data, zod4(closeSignalSchema));
		if (!form.valid) return fail(400, { closeError: signal.id });
		closeSignal(db, user.id, signal, form.data.note, clock.now());
		return { done: true };
	}
};
