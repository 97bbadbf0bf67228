import { redirect } from '@sveltejs/kit';
import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { translateError } from '$lib/errors';
import { phoneSignalSchema, signalInput } from '$lib/schemas/intake';
import { requireBroker } from '$lib/server/auth/guard';
import { neighbourhoodOf, urgentNumbersOf } from '$lib/server/backoffice/urgent-signal';
import { searchResidents } from '$lib/server/broker/residents';
import { fileSignal } from '$lib/server/broker/signals';
import * as clock from '$lib/server/clock';
import { siteOrigin } from '$lib/server/config';
import { db } from '$lib/server/db';
import { brokerCovers, brokeredNeighbourhoods } from '$lib/server/neighbourhoods/brokers';
import type { Actions, PageServerLoad } from './$types';

/**
 * A broker writes down a signal a volunteer gave on the phone (seed 004 §3.3.4: volunteers who
 * dislike paperwork may report by phone). It is filed in the volunteer's name, marked as written
 * down by the broker, and follows the same rules (consent, urgent).
 */
export const load: PageServerLoad = async (event) => {
	const user = requireBroker(event);
	const hoods = brokeredNeighbourhoods(db, user);
	const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 100);
	return {
		q,
		found: q
			? searchResidents(
					db,
					hoods.map((n) => n.id),
					q,
					1
				).items
			: [],
		urgentNumbers: hoods.length === 1 ? urgentNumbersOf(db, hoods[0]!.id) : [],
		form: await superValidate(zod4(phoneSignalSchema), { errors: false })
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireBroker(event);
		const form = await superValidate(event.request, zod4(phoneSignalSchema));
		if (!form.valid) return fail(400, { form });
		// Only a volunteer of one's own neighbourhoods.
		if (!brokerCovers(db, user, neighbourhoodOf(db, form.data.volunteerId)))
			return message(form, { type: 'error', text: m.signalcycle_err_volunteer() }, { status: 400 });
		const result = fileSignal(db, form.data.volunteerId, signalInput(form.data), clock.now(), {
			recordedById: user.id,
			origin: siteOrigin()
		});
		if (!result.ok)
			return message(
				form,
				{ type: 'error', text: translateError(result.error) || m.err_invalid() },
				{ status: 400 }
			);
		redirect(303, `/broker/signals/${result.signal.id}`);
	}
};
