import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { resetRequestSchema } from '$lib/schemas/account';
import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

export const load: PageServerLoad = async () => ({
	form: await superValidate(zod4(resetRequestSchema))
});

export const actions: Actions = {
	default: async ({ request, getClientAddress, url }) => {
		const form = await superValidate(request, zod4(resetRequestSchema));
		if (!form.valid) return fail(400, { form });
		const result = requestPasswordReset(
			db,
			form.data.email,
			getClientAddress(),
			url.origin,
			clock.now()
		);
		if (!result.ok)
			return message(form, { type: 'error', text: m.err_rate_limited() }, { status: 429 });
		// The same page whether or not the address has an account.
		redirect(303, '/reset-password/sent');
	}
};
