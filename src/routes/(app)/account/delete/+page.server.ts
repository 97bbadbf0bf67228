import { fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { listText } from '$lib/intl';
import { isolate } from '$lib/i18n';
import { getLocale } from '$lib/paraglide/runtime.js';
import { deleteAccountSchema } from '$lib/schemas/account';
import { confirmPassword, loadUser } from '$lib/server/auth/account-settings';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { deleteAccount, DeletionRefused, isLastAdmin } from '$lib/server/privacy/delete';
import { toolsStillOut } from '$lib/server/lending/privacy';
import { config } from '$lib/server/config';
import { removePhotoFiles } from '$lib/server/lending/photos';
import { getCallFace } from '$lib/server/neighbourhoods/call-us';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

export const load: PageServerLoad = async (event) => {
	requireUser(event);
	return { form: await superValidate(zod4(deleteAccountSchema)) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, zod4(deleteAccountSchema));
		if (!form.valid) return fail(400, { form });
		const now = clock.now();
		const check = await confirmPassword(loadUser(db, user.id), form.data.password, now);
		form.data.password = '';
		if (check === 'wrong_password') return setError(form, 'password', 'account_err_wrong_password');
		if (check === 'rate_limited')
			return message(form, { type: 'error', text: m.err_rate_limited() }, { status: 429 });
		if (isLastAdmin(db, user.id))
			return message(form, { type: 'error', text: m.account_delete_last_admin() }, { status: 409 });
		// Deletion waits while a borrowed tool is at the person's home: say which, and what to do.
		const toolOut = (tools: string[]) =>
			message(
				form,
				{
					type: 'error',
					text: m.account_delete_tool_out({
						tools: listText(
							tools.map((t) => isolate(t, getLocale())),
							getLocale()
						)
					})
				},
				{ status: 409 }
			);
		const out = toolsStillOut(db, user.id);
		if (out.length > 0) return toolOut(out);
		// A broker's own photo: its row is emptied by the deletion, its files go once that is done.
		const photo = getCallFace(db, user.id).callPhoto;
		try {
			if (deleteAccount(db, user.id, now, { origin: event.url.origin }) && photo)
				await removePhotoFiles(config.PHOTO_DIR, photo);
		} catch (e) {
			// A tool checked out between the check above and the deletion.
			if (e instanceof DeletionRefused) return toolOut(e.tools);
			throw e;
		}
		deleteSessionCookie(event.cookies, event.url);
		redirect(303, '/account/deleted');
	}
};
