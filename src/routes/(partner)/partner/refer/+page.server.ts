import { redirect } from '@sveltejs/kit';
import { fail, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { partnerReferSchema } from '$lib/schemas/partners';
import { requirePartner } from '$lib/server/auth/guard';
import { referByPartner } from '$lib/server/backoffice/partner-referrals';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { services } = requirePartner(event);
	return {
		services: services.map((s) => ({ value: s.serviceId, label: s.serviceName })),
		form: await superValidate(
			{ submissionKey: crypto.randomUUID(), serviceId: services[0]!.serviceId },
			zod4(partnerReferSchema),
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user } = requirePartner(event);
		const form = await superValidate(event.request, zod4(partnerReferSchema));
		if (!form.valid) return fail(400, { form });
		const result = referByPartner(db, user.id, form.data, clock.now());
		if (!result.ok) return setError(form, result.field, result.error);
		redirect(303, '/partner?sent');
	}
};
