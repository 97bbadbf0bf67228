import { fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { phoneCodeConfirmSchema, phoneCodeRequestSchema, smsResumeSchema } from '$lib/schemas/sms';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { resumeSms } from '$lib/server/sms/stop';
import { confirmPhoneCode, phoneStatus, requestPhoneCode } from '$lib/server/sms/verify';
import * as clock from '$lib/server/clock';
import type { Actions, PageServerLoad } from './$types';

// Three forms on one page: each its own id, so results and errors land on the right one.
const requestForm = (phone = '') =>
	superValidate({ phone }, zod4(phoneCodeRequestSchema), { id: 'phone-request', errors: false });
const confirmForm = () => superValidate(zod4(phoneCodeConfirmSchema), { id: 'phone-code' });
const resumeForm = () => superValidate(zod4(smsResumeSchema), { id: 'sms-resume' });

const REQUEST_ERRORS = {
	phone_invalid: 'sms_err_phone_invalid',
	rate_limited: 'sms_err_rate_limited',
	sms_stopped: 'sms_err_stopped',
	no_person: 'sms_err_phone_invalid'
} as const;

const CONFIRM_ERRORS = {
	no_code: 'sms_err_no_code',
	expired: 'sms_err_code_expired',
	too_many: 'sms_err_code_too_many',
	wrong: 'sms_err_code_wrong'
} as const;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const status = phoneStatus(db, user.id, clock.now());
	return {
		status,
		requestForm: await requestForm(status.pending?.phone ?? status.phone ?? ''),
		confirmForm: await confirmForm(),
		resumeForm: await resumeForm()
	};
};

export const actions: Actions = {
	request: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(phoneCodeRequestSchema), {
			id: 'phone-request'
		});
		if (!form.valid) return fail(400, { form });
		const now = clock.now();
		const result = db.transaction((tx) => requestPhoneCode(tx, user.id, form.data.phone, now));
		if (!result.ok)
			return setError(form, 'phone', REQUEST_ERRORS[result.error], {
				status: result.error === 'rate_limited' ? 429 : 400
			});
		return message(form, { type: 'ok', text: m.sms_code_sent({ phone: result.phone }) });
	},

	confirm: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(phoneCodeConfirmSchema), {
			id: 'phone-code'
		});
		if (!form.valid) return fail(400, { form });
		const now = clock.now();
		const result = db.transaction((tx) => confirmPhoneCode(tx, user.id, form.data.code, now));
		if (!result.ok) {
			setError(form, 'code', CONFIRM_ERRORS[result.error]);
			// The page's own data is not read again after a refusal: it needs the tries left now.
			return fail(400, { form, left: result.left ?? 0 });
		}
		redirect(303, '/account/phone?verified');
	},

	resume: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(smsResumeSchema), { id: 'sms-resume' });
		const now = clock.now();
		db.transaction((tx) => resumeSms(tx, user.id, now));
		return message(form, { type: 'ok', text: m.sms_resumed() });
	}
};
