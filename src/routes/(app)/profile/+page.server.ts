import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { profileSchema } from '$lib/schemas/profile';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { APPROX_RESOLUTION } from '$lib/server/geo/approx';
import { listCategoryChoices } from '$lib/server/profile/categories';
import { listNeighbourhoodAreas, listStreetGroups } from '$lib/server/profile/places';
import { getProfile, updateProfile, type ProfileField } from '$lib/server/profile/profile';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

// Errors about a whole list of checkboxes belong to the list, not to one of its items.
const errorPath = {
	categories: 'categories._errors',
	languages: 'languages._errors',
	availability: 'availability._errors',
	streetId: 'streetId',
	pinLat: 'pinLat'
} as const satisfies Record<ProfileField, string>;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const own = getProfile(db, user.id);
	if (!own) error(404, 'not found');
	return {
		form: await superValidate(own.values, zod4(profileSchema), { errors: false }),
		neighbourhoodName: own.neighbourhoodName,
		publicUrl: `/people/${user.id}`,
		categories: listCategoryChoices(db, getLocale()),
		streetGroups: listStreetGroups(db),
		areas: listNeighbourhoodAreas(db),
		approxResolution: APPROX_RESOLUTION
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(profileSchema));
		if (!form.valid) return fail(400, { form });
		const result = updateProfile(db, user.id, form.data, clock.now());
		if (!result.ok) return setError(form, errorPath[result.field], result.error);
		return message(form, { type: 'ok', text: m.form_saved() });
	}
};
