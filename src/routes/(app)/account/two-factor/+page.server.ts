import { fail } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { requireUser } from '$lib/server/auth/guard';
import { verifyPassword } from '$lib/server/auth/password';
import {
	confirmTwoFactorSetup,
	hasTwoFactor,
	newTotpKey,
	regenerateRecoveryCodes,
	totpKeyText,
	totpKeyUri,
	twoFactorLimiter
} from '$lib/server/auth/two-factor';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { renewSession } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { users } from '$lib/server/db/schema';
import { safeRedirect } from '$lib/server/http';
import { m } from '$lib/paraglide/messages.js';
import * as clock from '$lib/server/clock';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const next = safeRedirect(event.url.searchParams.get('next'), '/');
	if (hasTwoFactor(db, user.id)) return { setUp: true as const, next };
	// Lucia's guide: a fresh key each time the page opens; it is only stored once a code matches.
	const key = newTotpKey();
	const qr = await QRCode.toString(totpKeyUri(key, user.email ?? user.displayName), {
		type: 'svg',
		margin: 2
	});
	// Sent here by the guard on the way to a broker or admin page.
	const required = event.url.searchParams.has('next');
	return { setUp: false as const, next, required, key: totpKeyText(key), qr };
};

export const actions: Actions = {
	setup: async (event) => {
		const user = requireUser(event);
		const session = event.locals.session!;
		const data = await event.request.formData();
		const keyText = String(data.get('key') ?? '');
		const code = String(data.get('code') ?? '');
		const now = clock.now();
		if (hasTwoFactor(db, user.id)) return fail(400, { error: m.security_err_code() });
		if (!twoFactorLimiter.consume(user.id, now))
			return fail(429, { error: m.security_err_rate_limited(), code });
		let key: Uint8Array;
		try {
			key = decodeBase32IgnorePadding(keyText);
		} catch {
			return fail(400, { error: m.security_err_code(), code });
		}
		if (key.length !== 20) return fail(400, { error: m.security_err_code(), code });
		// security: as after the code step, the session that passed it gets a new token.
		const done = db.transaction((tx) => {
			const codes = confirmTwoFactorSetup(tx, user.id, session.id, key, code, now);
			return codes && { codes, renewed: renewSession(tx, session.id, now, true) };
		});
		if (!done) return fail(400, { error: m.security_err_code(), code });
		twoFactorLimiter.reset(user.id);
		const { codes, renewed } = done;
		if (renewed)
			setSessionCookie(event.cookies, event.url, renewed.token, renewed.session.expiresAt);
		return { recoveryCodes: codes };
	},
	regenerate: async (event) => {
		const user = requireUser(event);
		const data = await event.request.formData();
		const password = String(data.get('password') ?? '');
		const now = clock.now();
		if (!twoFactorLimiter.consume(user.id, now))
			return fail(429, { passwordError: m.security_err_rate_limited() });
		const row = db
			.select({ hash: users.passwordHash })
			.from(users)
			.where(eq(users.id, user.id))
			.get();
		if (!row?.hash || !(await verifyPassword(row.hash, password)))
			return fail(400, { passwordError: m.security_err_password() });
		if (!hasTwoFactor(db, user.id)) return fail(400, { passwordError: m.security_err_code() });
		twoFactorLimiter.reset(user.id);
		return { recoveryCodes: regenerateRecoveryCodes(db, user.id, now) };
	}
};
