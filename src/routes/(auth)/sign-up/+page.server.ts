import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { signUpSchema } from '$lib/schemas/auth';
import { signUp } from '$lib/server/auth/accounts';
import { setSignUpCookie } from '$lib/server/auth/cookie';
import { db } from '$lib/server/db';
import { safeRedirect } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

export const load: PageServerLoad = async ({ locals, url }) => {
	const next = safeRedirect(url.searchParams.get('next'));
	if (locals.user) redirect(303, next);
	return { form: await superValidate(zod4(signUpSchema)), next };
};

export const actions: Actions = {
	default: async ({ request, getClientAddress, url, cookies }) => {
		const form = await superValidate(request, zod4(signUpSchema));
		if (!form.valid) return fail(400, { form });
		const result = await signUp(
			db,
			// Where the person was going travels in the confirmation link.
			{ ...form.data, locale: getLocale(), next: safeRedirect(url.searchParams.get('next')) },
			getClientAddress(),
			url.origin,
			clock.now()
		);
		if (!result.ok)
			return message(form, { type: 'error', text: m.err_rate_limited() }, { status: 429 });
		setSignUpCookie(cookies, url, form.data.email);
		redirect(303, '/sign-up/sent');
	}
};
