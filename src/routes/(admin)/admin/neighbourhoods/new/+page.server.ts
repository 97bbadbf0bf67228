import { redirect } from '@sveltejs/kit';
import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { neighbourhoodSchema } from '$lib/schemas/neighbourhood';
import { requireAdmin } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import {
	createNeighbourhood,
	defaultMapCentre,
	neighbourhoodProblems,
	timeZoneChoices
} from '$lib/server/neighbourhoods/admin';
import { showProblems } from '../problems';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const form = await superValidate(zod4(neighbourhoodSchema), { errors: false });
	return { form, timeZones: timeZoneChoices(form.data.timeZone), mapCentre: defaultMapCentre(db) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireAdmin(event);
		const form = await superValidate(event.request, zod4(neighbourhoodSchema));
		showProblems(form, neighbourhoodProblems(db, form.data, null));
		if (!form.valid) return fail(400, { form });
		const result = createNeighbourhood(db, user.id, form.data, clock.now());
		if (!result.ok) {
			showProblems(form, result.errors);
			return fail(400, { form });
		}
		redirect(303, `/admin/neighbourhoods/${result.id}?created=1`);
	}
};
