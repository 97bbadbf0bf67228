import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { brokerSettingsSchema } from '$lib/schemas/neighbourhood';
import { requireBrokeredNeighbourhood } from '$lib/server/auth/guard';
import { brokerSettingsOf, setBrokerSettings } from '$lib/server/broker/settings';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { n } = requireBrokeredNeighbourhood(event);
	return {
		neighbourhood: { id: n.id, name: n.name },
		form: await superValidate(brokerSettingsOf(db, n.id)!, zod4(brokerSettingsSchema), {
			errors: false
		})
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, n } = requireBrokeredNeighbourhood(event);
		const form = await superValidate(event.request, zod4(brokerSettingsSchema));
		if (!form.valid) return fail(400, { form });
		setBrokerSettings(
			db,
			user.id,
			n.id,
			{
				moderation: form.data.moderation!,
				noResponseDays: form.data.noResponseDays,
				helperMatchLimit: form.data.helperMatchLimit,
				volunteerContactWeeks: form.data.volunteerContactWeeks,
				referralCheckDays: form.data.referralCheckDays
			},
			clock.now()
		);
		return message(form, { type: 'ok', text: m.broker_settings_saved() });
	}
};
