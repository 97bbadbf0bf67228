import { redirect } from '@sveltejs/kit';
import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { translateError } from '$lib/errors';
import { signalInput, signalSchema } from '$lib/schemas/intake';
import { requireUser } from '$lib/server/auth/guard';
import { neighbourhoodOf, urgentNumbersOf } from '$lib/server/backoffice/urgent-signal';
import { fileSignal } from '$lib/server/broker/signals';
import { siteOrigin } from '$lib/server/config';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return {
		form: await superValidate(zod4(signalSchema), { errors: false }),
		// Shown before sending when someone is in danger now, after 112 (seed 003 fiche 7).
		urgentNumbers: urgentNumbersOf(db, neighbourhoodOf(db, user.id))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(signalSchema));
		if (!form.valid) return fail(400, { form });
		const result = fileSignal(db, user.id, signalInput(form.data), clock.now(), {
			origin: siteOrigin()
		});
		if (!result.ok) {
			form.message = { type: 'error', text: translateError(result.error) || m.err_invalid() };
			return fail(400, { form });
		}
		redirect(303, '/signals?sent');
	}
};
