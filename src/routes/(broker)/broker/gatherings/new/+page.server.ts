import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { gatheringSchema } from '$lib/schemas/gathering';
import { joinDateParts } from '$lib/schemas/fields';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { planGathering, plannerHoods } from '$lib/server/volunteers/gatherings';
import type { Actions, PageServerLoad } from './$types';

const schema = zod4(gatheringSchema);

export const load: PageServerLoad = async (event) => {
	const user = requireBroker(event);
	const hoods = plannerHoods(db, user).map((h) => ({ id: h.id, name: h.name }));
	const form = await superValidate(schema, { errors: false });
	if (hoods.length === 1) form.data.neighbourhoodId = hoods[0]!.id;
	return { hoods, form };
};

export const actions: Actions = {
	default: async (event) => {
		requireBroker(event);
		const posted = joinDateParts(await event.request.formData(), 'date');
		const form = await superValidate(posted, schema);
		if (!form.valid) return fail(400, { form });
		const user = requireBrokerOf(event, form.data.neighbourhoodId);
		const made = planGathering(
			db,
			user.id,
			{ ...form.data, kind: form.data.kind!, audience: form.data.audience! },
			clock.now()
		);
		if (!made.ok) {
			if ('field' in made) return setError(form, made.field, made.error);
			return fail(400, { form });
		}
		redirect(303, `/broker/gatherings/${made.gathering.id}`);
	}
};
