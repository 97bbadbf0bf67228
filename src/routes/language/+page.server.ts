import { redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { cookieName } from '$lib/paraglide/runtime.js';
import { toLocale } from '$lib/i18n';
import { db } from '$lib/server/db';
import { users } from '$lib/server/db/schema';
import { safeRedirect } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request, cookies, locals }) => {
		const form = await request.formData();
		const locale = toLocale(String(form.get('locale') ?? ''));
		cookies.set(cookieName, locale, {
			path: '/',
			httpOnly: false,
			sameSite: 'lax',
			maxAge: 400 * 24 * 3600
		});
		// Remembered on the account too, so mail arrives in the chosen language.
		if (locals.user) db.update(users).set({ locale }).where(eq(users.id, locals.user.id)).run();
		redirect(303, safeRedirect(form.get('redirectTo')));
	}
};
