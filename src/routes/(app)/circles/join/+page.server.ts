import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { joinSchema } from '$lib/schemas/circles';
import { requireUser } from '$lib/server/auth/guard';
import { joinWithCode } from '$lib/server/circles/invitations';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

const schema = zod4(joinSchema);

export const load: PageServerLoad = async (event) => {
	// Signed out: sign in (or make an account) first, then back here with the code.
	requireUser(event);
	const code = event.url.searchParams.get('code') ?? '';
	return { form: await superValidate({ code }, schema, { errors: false }) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, schema);
		if (!form.valid) return fail(400, { form });
		const joined = joinWithCode(db, form.data.code, user.id, clock.now());
		if (!joined.ok) return setError(form, 'code', joined.error);
		redirect(303, `/circles/${joined.circleId}?joined=1`);
	}
};
