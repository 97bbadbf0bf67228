import { fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import {
	changeEmailSchema,
	changePasswordSchema,
	resendVerificationSchema
} from '$lib/schemas/account';
import {
	accountOverview,
	changePassword,
	requestEmailChange,
	resendVerificationMail,
	signOutEverywhere
} from '$lib/server/auth/account-settings';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { requireUser } from '$lib/server/auth/guard';
import { actsFor } from '$lib/server/broker/carers';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

// Several forms on one page: each gets its own id so results and errors land on the right one.
const emailForm = () => superValidate(zod4(changeEmailSchema), { id: 'change-email' });
const passwordForm = () => superValidate(zod4(changePasswordSchema), { id: 'change-password' });
const resendForm = () => superValidate(zod4(resendVerificationSchema), { id: 'resend' });

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return {
		account: accountOverview(db, user.id, clock.now()),
		actsFor: actsFor(db, user.id).map((a) => ({ id: a.id, displayName: a.displayName })),
		resendForm: await resendForm(),
		emailForm: await emailForm(),
		passwordForm: await passwordForm()
	};
};

export const actions: Actions = {
	resend: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(resendVerificationSchema), {
			id: 'resend'
		});
		const result = resendVerificationMail(db, user.id, event.url.origin, clock.now());
		if (result.ok)
			return message(form, { type: 'ok', text: m.account_email_resent({ email: result.email }) });
		if (result.reason === 'rate_limited')
			return message(form, { type: 'error', text: m.err_rate_limited() }, { status: 429 });
		return { form };
	},

	changeEmail: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(changeEmailSchema), {
			id: 'change-email'
		});
		if (!form.valid) return fail(400, { form });
		const result = await requestEmailChange(db, user.id, form.data, event.url.origin, clock.now());
		form.data.password = '';
		if (!result.ok) {
			if (result.reason === 'same_address')
				return setError(form, 'email', 'account_err_same_email');
			if (result.reason === 'wrong_password')
				return setError(form, 'password', 'account_err_wrong_password');
			return message(form, { type: 'error', text: m.err_rate_limited() }, { status: 429 });
		}
		const sentTo = form.data.email;
		form.data.email = '';
		return message(form, { type: 'ok', text: m.account_change_email_sent({ email: sentTo }) });
	},

	changePassword: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(changePasswordSchema), {
			id: 'change-password'
		});
		if (!form.valid) return fail(400, { form });
		const result = await changePassword(
			db,
			user.id,
			event.locals.session!.id,
			form.data,
			event.url.origin,
			clock.now()
		);
		form.data.currentPassword = '';
		if (!result.ok) {
			if (result.reason === 'wrong_password')
				return setError(form, 'currentPassword', 'account_err_wrong_password');
			return message(form, { type: 'error', text: m.err_rate_limited() }, { status: 429 });
		}
		form.data.newPassword = '';
		return message(form, { type: 'ok', text: m.account_change_password_done() });
	},

	signOutEverywhere: async (event) => {
		const user = requireUser(event);
		signOutEverywhere(db, user.id);
		deleteSessionCookie(event.cookies, event.url);
		redirect(303, '/sign-in?signed-out=everywhere');
	}
};
