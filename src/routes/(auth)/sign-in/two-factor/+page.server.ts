import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import {
	demoCodeHint,
	hasTwoFactor,
	twoFactorLimiter,
	useRecoveryCode,
	verifyTwoFactorCode
} from '$lib/server/auth/two-factor';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { renewSession } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { DEMO_TOTP_KEY, isDemo } from '$lib/server/demo/mode';
import { startPageOf } from '$lib/server/backoffice/roles';
import { safeRedirect } from '$lib/server/http';
import { m } from '$lib/paraglide/messages.js';
import * as clock from '$lib/server/clock';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const next = safeRedirect(event.url.searchParams.get('next'), startPageOf(user.role));
	if (!hasTwoFactor(db, user.id))
		redirect(303, `/account/two-factor?next=${encodeURIComponent(next)}`);
	if (event.locals.session?.twoFactorVerified) redirect(303, next);
	const demoHint = isDemo(db)
		? demoCodeHint(db, user.id, decodeBase32IgnorePadding(DEMO_TOTP_KEY), clock.now())
		: null;
	return { demoHint };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const session = event.locals.session!;
		const code = String((await event.request.formData()).get('code') ?? '').trim();
		const now = clock.now();
		if (!twoFactorLimiter.consume(user.id, now))
			return fail(429, { error: m.security_err_rate_limited() });
		// security: the code step ends this session and starts a new one (new token) that passed it.
		const renewed = db.transaction((tx) => {
			const ok = /^[\d\s]+$/.test(code)
				? verifyTwoFactorCode(tx, user.id, code, now)
				: useRecoveryCode(tx, user.id, code, now);
			return ok ? renewSession(tx, session.id, now, true) : null;
		});
		if (!renewed) return fail(400, { error: m.security_err_code() });
		twoFactorLimiter.reset(user.id);
		setSessionCookie(event.cookies, event.url, renewed.token, renewed.session.expiresAt);
		redirect(303, safeRedirect(event.url.searchParams.get('next'), startPageOf(user.role)));
	}
};
