import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { invalidateSession } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { log } from '$lib/server/log';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST; a GET only leads back home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.session) {
			invalidateSession(db, locals.session.id);
			log.info('auth.sign_out', { user: locals.user?.id });
		}
		deleteSessionCookie(cookies, url);
		redirect(303, '/sign-in?signed-out=1');
	}
};
