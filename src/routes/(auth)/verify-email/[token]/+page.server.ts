import { redirect } from '@sveltejs/kit';
import { verifyEmail } from '$lib/server/auth/accounts';
import { takeSignUpCookie } from '$lib/server/auth/cookie';
import { checkEmailToken } from '$lib/server/auth/email-tokens';
import { invalidateSession, toSessionUser } from '$lib/server/auth/session';
import { startSession } from '$lib/server/auth/sign-in';
import { hasTwoFactor } from '$lib/server/auth/two-factor';
import { db } from '$lib/server/db';
import { safeRedirect } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

// Opening the link only shows a button: mail scanners that fetch links must not use them up.
export const load: PageServerLoad = ({ params, url }) => {
	const check = checkEmailToken(db, params.token, ['verify_email', 'change_email'], clock.now());
	return {
		state: check.ok ? ('ready' as const) : check.reason,
		next: safeRedirect(url.searchParams.get('next'))
	};
};

export const actions: Actions = {
	default: ({ params, url, cookies, locals, getClientAddress }) => {
		const now = clock.now();
		const result = verifyEmail(db, params.token, now);
		if (!result.ok) return { state: result.reason };
		// security: the link signs in the account it was sent for and no other, and only in the
		// browser that asked for it (elsewhere the address is confirmed and the person signs in);
		// whatever session this browser had ends, so the new one starts clean.
		if (!result.signIn || !takeSignUpCookie(cookies, url, result.signIn.email))
			return { state: 'done' as const };
		if (locals.session) invalidateSession(db, locals.session.id);
		const session = startSession(db, cookies, url, result.signIn, getClientAddress(), now);
		const next = safeRedirect(url.searchParams.get('next'));
		if (hasTwoFactor(db, result.signIn.id))
			redirect(303, `/sign-in/two-factor?next=${encodeURIComponent(next)}`);
		if (next !== '/') redirect(303, next);
		// Nowhere in particular to go: this page says it worked, for the person now signed in.
		locals.user = toSessionUser(result.signIn);
		locals.session = session;
		return { state: 'done' as const };
	}
};
