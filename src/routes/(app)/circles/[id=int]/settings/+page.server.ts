import { error, fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { circleSettingsSchema } from '$lib/schemas/circles';
import { requireUser } from '$lib/server/auth/guard';
import { decides, openCircle, speaksForCentre } from '$lib/server/circles/access';
import { updateSettings } from '$lib/server/circles/circles';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const schema = zod4(circleSettingsSchema);

/** The coordinator reads the settings; only the centre (or their carer) gives these consents. */
function circleFor(event: RequestEvent) {
	const user = requireUser(event);
	const found = openCircle(db, Number(event.params.id), user.id);
	if (!found) error(404, 'not found');
	if (!decides(found.role)) error(403, 'forbidden');
	return { user, ...found };
}

export const load: PageServerLoad = async (event) => {
	const { circle, role } = circleFor(event);
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
		const { user, circle, role } = circleFor(event);
		if (!speaksForCentre(role)) error(403, 'forbidden');
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
