import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import {
	urgentNumbersForm,
	urgentNumbersOfForm,
	urgentNumbersSchema
} from '$lib/schemas/signal-cycle';
import { requireBrokeredNeighbourhood } from '$lib/server/auth/guard';
import { parseUrgentNumbers, setUrgentNumbers } from '$lib/server/backoffice/urgent-signal';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

// The numbers the signal form shows after 112 when someone is in danger (seed 003 fiche 7).
export const load: PageServerLoad = async (event) => {
	const { n } = requireBrokeredNeighbourhood(event);
	return {
		neighbourhood: { id: n.id, name: n.name },
		form: await superValidate(
			urgentNumbersForm(parseUrgentNumbers(n.urgentNumbers)),
			zod4(urgentNumbersSchema),
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, n } = requireBrokeredNeighbourhood(event);
		const form = await superValidate(event.request, zod4(urgentNumbersSchema));
		if (!form.valid) return fail(400, { form });
		setUrgentNumbers(db, user.id, n.id, urgentNumbersOfForm(form.data), clock.now());
		return message(form, { type: 'ok', text: m.signalcycle_numbers_saved() });
	}
};
