import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { getLocale } from '$lib/paraglide/runtime.js';
import { SAVED_TEXTS } from '$lib/alerts/describe';
import { alertSettingsSchema } from '$lib/schemas/alerts';
import { alertContext, alertSettingsOf, saveAlertSettings } from '$lib/server/alerts/settings';
import { requireUser } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { listCategoryChoices } from '$lib/server/profile/categories';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { hasHome, helpsWith } = alertContext(db, user.id);
	const categories = listCategoryChoices(db, getLocale());
	return {
		form: await superValidate(alertSettingsOf(db, user.id), zod4(alertSettingsSchema), {
			errors: false
		}),
		categories,
		hasHome,
		helpsWith: categories.filter((c) => helpsWith.includes(c.id)).map((c) => c.name)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(alertSettingsSchema));
		if (!form.valid) return fail(400, { form });
		const saved = saveAlertSettings(
			db,
			user.id,
			{
				rhythm: form.data.rhythm!,
				distanceMeters: form.data.distanceMeters,
				categories: form.data.categories
			},
			clock.now()
		);
		// A list's error belongs to the list, not to one of its boxes.
		if (!saved.ok) return setError(form, 'categories._errors', saved.error);
		return message(form, { type: 'ok', text: SAVED_TEXTS[form.data.rhythm!]() });
	}
};
