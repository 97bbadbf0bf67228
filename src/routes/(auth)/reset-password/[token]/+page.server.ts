import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { resetPasswordSchema } from '$lib/schemas/account';
import { checkResetToken, resetPassword } from '$lib/server/auth/password-reset';
import { startSession } from '$lib/server/auth/sign-in';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

// Opening the link only shows the form: mail scanners that fetch links must not use them up.
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const check = checkResetToken(db, params.token, clock.now());
	return {
		state: check.ok ? ('ready' as const) : check.reason,
		form: await superValidate(zod4(resetPasswordSchema))
	};
};

export const actions: Actions = {
	default: async ({ params, request, cookies, url, getClientAddress }) => {
		const form = await superValidate(request, zod4(resetPasswordSchema));
		if (!form.valid) return fail(400, { form });
		const now = clock.now();
		const result = await resetPassword(db, params.token, form.data.password, url.origin, now);
		if (!result.ok) {
			form.data.password = '';
			return fail(400, { form, state: result.reason });
		}
		// They proved they own the address: sign them in on this device (every other session ended).
		startSession(db, cookies, url, result.user, getClientAddress(), now);
		redirect(303, '/account?password-reset=1');
	}
};
