import { redirect, type Cookies } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { rememberLanguage } from '$lib/server/language-cookie';
import { toLocale } from '$lib/i18n';
import { db } from '$lib/server/db';
import { users } from '$lib/server/db/schema';
import { safeRedirect } from '$lib/server/http';
import type { SessionUser } from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';

/** Sets the chosen language and goes back to the page the person came from (on this site). */
function choose(
	cookies: Cookies,
	user: SessionUser | null,
	locale: string | null,
	back: unknown
): never {
	const chosen = toLocale(locale);
	rememberLanguage(cookies, chosen);
	// Remembered on the account too, so mail arrives in the chosen language.
	if (user) db.update(users).set({ locale: chosen }).where(eq(users.id, user.id)).run();
	redirect(303, safeRedirect(back));
}

// The header's language links (one tap, no JavaScript); without ?locale= this is no page.
export const load: PageServerLoad = ({ url, cookies, locals }) => {
	const locale = url.searchParams.get('locale');
	if (locale === null) redirect(303, '/');
	choose(cookies, locals.user, locale, url.searchParams.get('redirectTo'));
};

export const actions: Actions = {
	default: async ({ request, cookies, locals }) => {
		const form = await request.formData();
		choose(cookies, locals.user, String(form.get('locale') ?? ''), form.get('redirectTo'));
	}
};
