import { fail, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { referSchema } from '$lib/schemas/intake';
import { referPost, referralOf } from '$lib/server/broker/referrals';
import { getService, listServices } from '$lib/server/broker/social-map';
import { db } from '$lib/server/db';
import { brokerPost } from '../guard.server';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

export const load: PageServerLoad = async (event) => {
	const { post } = brokerPost(event);
	return {
		post: { id: post.id, title: post.title, kind: post.kind, status: post.status },
		referral: referralOf(db, post.id),
		services: listServices(db, post.neighbourhoodId).map((s) => ({
			value: String(s.id),
			label: s.name
		})),
		neighbourhoodId: post.neighbourhoodId,
		form: await superValidate(zod4(referSchema), { errors: false })
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, post } = brokerPost(event);
		const form = await superValidate(event.request, zod4(referSchema));
		if (!form.valid) return fail(400, { form });
		if (form.data.serviceId === null) return setError(form, 'serviceId', 'intake_err_service');
		const result = referPost(
			db,
			user.id,
			post.id,
			form.data.serviceId,
			form.data.note,
			clock.now()
		);
		if (!result.ok) return setError(form, 'serviceId', result.error);
		form.message = {
			type: 'ok',
			text: m.intake_refer_done({ service: getService(db, form.data.serviceId)?.name ?? '' })
		};
		return { form };
	}
};
