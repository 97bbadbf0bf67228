import { error, fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { startCircleSchema } from '$lib/schemas/circles';
import { requireUser } from '$lib/server/auth/guard';
import { circlesOf, possibleCentres, startCircle } from '$lib/server/circles/circles';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

const schema = zod4(startCircleSchema);

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const centres = possibleCentres(db, user.id);
	return {
		circles: circlesOf(db, user.id),
		centres: centres.map((c) => ({ value: c.id, label: c.id === user.id ? null : c.name })),
		form: await superValidate({ centreId: centres[0]?.id ?? '' }, schema, { errors: false })
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, schema);
		if (!form.valid) return fail(400, { form });
		// Only oneself or someone one cares for: the domain checks the carer's consent again.
		if (!possibleCentres(db, user.id).some((c) => c.id === form.data.centreId))
			error(403, 'forbidden');
		const started = startCircle(
			db,
			{ centreId: form.data.centreId, startedById: user.id, byBroker: false },
			clock.now()
		);
		if (!started.ok) return setError(form, 'centreId', started.error);
		redirect(303, `/circles/${started.circle.id}`);
	}
};
