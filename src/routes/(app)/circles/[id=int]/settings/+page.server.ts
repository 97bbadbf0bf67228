import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { circleSettingsSchema } from '$lib/schemas/circles';
import { requireCircle } from '$lib/server/circles/guard';
import { speaksForCentre } from '$lib/server/circles/access';
import { updateSettings } from '$lib/server/circles/circles';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

const schema = zod4(circleSettingsSchema);

export const load: PageServerLoad = async (event) => {
	const { circle, role } = requireCircle(event, 'decides');
	return {
		circleId: circle.id,
		mayChange: speaksForCentre(role),
		form: await superValidate(
			{
				openSlots: circle.openSlots,
				offerHoursBefore: circle.offerHoursBefore,
				brokerMayRead: circle.brokerMayRead
			},
			schema,
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, circle } = requireCircle(event, 'centre');
		const form = await superValidate(event.request, schema);
		if (!form.valid) return fail(400, { form });
		updateSettings(
			db,
			circle,
			{ ...form.data, openSlots: form.data.openSlots! },
			user.id,
			clock.now()
		);
		redirect(303, `/circles/${circle.id}?saved=1`);
	}
};
