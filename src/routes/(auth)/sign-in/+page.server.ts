import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { signInSchema } from '$lib/schemas/auth';
import { authenticate } from '$lib/server/auth/accounts';
import { startSession } from '$lib/server/auth/sign-in';
import { hasTwoFactor } from '$lib/server/auth/two-factor';
import { db } from '$lib/server/db';
import { DEMO_PASSWORD, isDemo } from '$lib/server/demo/mode';
import { startPageOf } from '$lib/server/backoffice/roles';
import { safeRedirect } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

const DEMO_ACCOUNTS = [
	{ email: 'maria@naburig.example', role: 'resident' },
	{ email: 'jozef@naburig.example', role: 'resident' },
	{ email: 'an@naburig.example', role: 'broker' },
	{ email: 'griet@naburig.example', role: 'admin' },
	{ email: 'els@naburig.example', role: 'partner' },
	{ email: 'wim@naburig.example', role: 'steering' }
] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user)
		redirect(303, safeRedirect(url.searchParams.get('next'), startPageOf(locals.user.role)));
	return {
		form: await superValidate(zod4(signInSchema)),
		demoAccounts: isDemo(db) ? { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS } : null
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await superValidate(request, zod4(signInSchema));
		if (!form.valid) return fail(400, { form });
		const now = clock.now();
		const client = getClientAddress();
		const result = await authenticate(db, form.data.email, form.data.password, client, now);
		if (!result.ok) {
			form.data.password = '';
			if (result.reason === 'rate_limited')
				return message(form, { type: 'error', text: m.err_rate_limited() }, { status: 429 });
			if (result.reason === 'suspended') {
				const reason = result.statusReason
					? ` ${m.signin_suspended_reason({ reason: result.statusReason })}`
					: '';
				return message(
					form,
					{ type: 'error', text: m.signin_suspended() + reason },
					{ status: 403 }
				);
			}
			return message(form, { type: 'error', text: m.signin_wrong() }, { status: 400 });
		}
		startSession(db, cookies, url, result.user, client, now);
		const next = safeRedirect(url.searchParams.get('next'), startPageOf(result.user.role));
		// security: with a second factor, the code comes next.
		if (hasTwoFactor(db, result.user.id))
			redirect(303, `/sign-in/two-factor?next=${encodeURIComponent(next)}`);
		redirect(303, next);
	}
};
