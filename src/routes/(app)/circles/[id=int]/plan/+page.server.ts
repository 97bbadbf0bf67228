import { error, fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { getLocale } from '$lib/paraglide/runtime.js';
import { joinDateParts } from '$lib/schemas/fields';
import { planItemSchema } from '$lib/schemas/circles';
import { requireCircle } from '$lib/server/circles/guard';
import { addPlanItem, circleTimeZone, planItems, removePlanItem } from '$lib/server/circles/plan';
import { localDate, weekdayOf } from '$lib/server/calendar';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { listCategoryChoices } from '$lib/server/profile/categories';
import type { Actions, PageServerLoad } from './$types';

const schema = zod4(planItemSchema);

export const load: PageServerLoad = async (event) => {
	const { circle } = requireCircle(event);
	const today = localDate(clock.now(), circleTimeZone(db, circle));
	return {
		circleId: circle.id,
		items: planItems(db, circle).map((i) => ({
			id: i.id,
			title: i.title,
			repeat: i.repeat,
			date: i.date,
			weekday: weekdayOf(i.date),
			time: i.time
		})),
		categories: listCategoryChoices(db, getLocale()).map((c) => ({
			value: String(c.id),
			label: c.name
		})),
		form: await superValidate(
			{
				date: today,
				time: '10:00',
				repeat: 'weekly',
				durationMinutes: 60,
				submissionKey: crypto.randomUUID()
			},
			schema,
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	add: async (event) => {
		const { user, circle } = requireCircle(event);
		const posted = joinDateParts(await event.request.formData(), 'date');
		const form = await superValidate(posted, schema);
		if (!form.valid) return fail(400, { form });
		const now = clock.now();
		// A first day in the past would make moments nobody can take.
		if (form.data.date < localDate(now, circleTimeZone(db, circle)))
			return setError(form, 'date', 'circles_err_date_past');
		addPlanItem(db, circle, { ...form.data, repeat: form.data.repeat! }, user.id, now);
		redirect(303, `/circles/${circle.id}?added=1`);
	},
	remove: async (event) => {
		const { circle } = requireCircle(event);
		const id = Number((await event.request.formData()).get('itemId'));
		if (!removePlanItem(db, circle, id, clock.now())) error(404, 'not found');
		return { removed: true };
	}
};
