import { error, redirect } from '@sveltejs/kit';
import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { streetSchema } from '$lib/schemas/neighbourhood';
import { requireBrokeredNeighbourhood } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import {
	countResidentsOnStreet,
	getStreet,
	listStreets,
	removeStreet,
	updateStreet
} from '$lib/server/neighbourhoods/streets';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as clock from '$lib/server/clock';

/** Checks the person may work on this neighbourhood's streets, and that the street is one of them. */
function guard(event: RequestEvent) {
	const { user, n } = requireBrokeredNeighbourhood(event);
	const street = getStreet(db, n.id, Number(event.params.streetId));
	if (!street) error(404, 'not found');
	return { user, n, street };
}

export const load: PageServerLoad = async (event) => {
	const { n, street } = guard(event);
	const values = { name: street.name, lat: String(street.lat), lon: String(street.lon) };
	return {
		neighbourhood: {
			id: n.id,
			name: n.name,
			boundary: n.boundary,
			centre: { lat: n.centreLat, lon: n.centreLon }
		},
		street: { id: street.id, name: street.name },
		others: listStreets(db, n.id)
			.filter((s) => s.id !== street.id)
			.map((s) => ({ lat: s.lat, lon: s.lon })),
		residents: countResidentsOnStreet(db, street.id),
		form: await superValidate(values, zod4(streetSchema), { errors: false })
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { user, n, street } = guard(event);
		const form = await superValidate(event.request, zod4(streetSchema));
		if (!form.valid) return fail(400, { form });
		const result = updateStreet(db, user.id, n.id, street.id, form.data, clock.now());
		if (!result.ok) {
			if (!result.field) error(404, 'not found');
			return setError(form, result.field, result.error);
		}
		return message(form, { type: 'ok', text: m.admin_street_saved() });
	},

	remove: async (event) => {
		const { user, n, street } = guard(event);
		removeStreet(db, user.id, n.id, street.id, clock.now());
		redirect(303, `/broker/neighbourhoods/${n.id}/streets?removed=1`);
	}
};
