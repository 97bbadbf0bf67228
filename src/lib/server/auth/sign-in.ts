import type { Cookies } from '@sveltejs/kit';
import { cookieName } from '$lib/paraglide/runtime.js';
import type { DB } from '../db/client';
import type { User } from '../db/schema';
import { log } from '../log';
import { setSessionCookie } from './cookie';
import { createSession, type SessionInfo } from './session';

/** Starts a session for a person who proved who they are, and restores their language. */
export function startSession(
	db: DB,
	cookies: Cookies,
	url: URL,
	user: User,
	client: string,
	now: number
): SessionInfo {
	const { token, session } = createSession(db, user.id, now);
	setSessionCookie(cookies, url, token, session.expiresAt);
	cookies.set(cookieName, user.locale, {
		path: '/',
		httpOnly: false,
		sameSite: 'lax',
		maxAge: 400 * 24 * 3600
	});
	log.info('auth.sign_in', { user: user.id, client });
	return session;
}
