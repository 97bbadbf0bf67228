import { redirect } from '@sveltejs/kit';
import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { translateError } from '$lib/errors';
import { signalSchema } from '$lib/schemas/intake';
import { requireUser } from '$lib/server/auth/guard';
import { fileSignal } from '$lib/server/broker/signals';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

export const load: PageServerLoad = async (event) => {
	requireUser(event);
	return { form: await superValidate(zod4(signalSchema), { errors: false }) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(signalSchema));
		if (!form.valid) return fail(400, { form });
		const result = fileSignal(db, user.id, form.data, clock.now());
		if (!result.ok) {
			form.message = { type: 'error', text: translateError(result.error) || m.err_invalid() };
			return fail(400, { form });
		}
		redirect(303, '/signals?sent');
	}
};
