import { redirect } from '@sveltejs/kit';
import { fail, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { thanksSchema } from '$lib/schemas/volunteer-thanks';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { sendPersonalThanks, thanksOf } from '$lib/server/volunteers/thanks';
import { volunteerOf } from '../guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { person } = volunteerOf(event);
	return {
		person: { id: person.id, name: person.displayName, active: person.status === 'active' },
		thanks: thanksOf(db, person.id),
		form: await superValidate(zod4(thanksSchema)),
		sent: event.url.searchParams.has('sent')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, person } = volunteerOf(event);
		const form = await superValidate(event.request, zod4(thanksSchema));
		if (!form.valid) return fail(400, { form });
		const input = { userId: person.id, brokerId: user.id, message: form.data.message };
		if (!sendPersonalThanks(db, input, clock.now()))
			return setError(form, 'message', 'hours_thanks_err_not_active');
		redirect(303, `/broker/volunteers/${person.id}/thanks?sent=1`);
	}
};
