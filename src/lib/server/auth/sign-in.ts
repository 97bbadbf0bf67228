import type { Cookies } from '@sveltejs/kit';
import type { DB } from '../db/client';
import type { User } from '../db/schema';
import { rememberLanguage } from '../language-cookie';
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
	rememberLanguage(cookies, user.locale);
	log.info('auth.sign_in', { user: user.id, client });
	return session;
}
