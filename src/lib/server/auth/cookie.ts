import type { Cookies } from '@sveltejs/kit';
import { hashToken } from '../ids';
import { SESSION_COOKIE, type SessionInfo } from './session';

function isLocalhost(url: URL): boolean {
	return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** Secure everywhere except plain-http localhost, where browsers would drop the cookie. */
function isSecure(url: URL): boolean {
	return url.protocol === 'https:' || !isLocalhost(url);
}

/**
 * The session cookie's name. Outside localhost it carries the `__Host-` prefix: browsers then
 * accept it only when Secure, with Path=/ and no Domain, so a sibling subdomain or a plain-http
 * page cannot plant or overwrite it. On http://localhost the prefix would make browsers drop it.
 */
export function sessionCookieName(url: URL): string {
	return isLocalhost(url) ? SESSION_COOKIE : `__Host-${SESSION_COOKIE}`;
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Path=/, no Domain, Secure outside localhost. */
export function setSessionCookie(
	cookies: Cookies,
	url: URL,
	token: string,
	expiresAt: number
): void {
	cookies.set(sessionCookieName(url), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: isSecure(url),
		expires: new Date(expiresAt)
	});
}

/** Sets the cookie of a session made anew (a person who changed their own role), if any. */
export function setRenewedSessionCookie(
	cookies: Cookies,
	url: URL,
	renewed: { token: string; session: SessionInfo } | null
): void {
	if (renewed) setSessionCookie(cookies, url, renewed.token, renewed.session.expiresAt);
}

/** Removes the session cookie. */
export function deleteSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(sessionCookieName(url), {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: isSecure(url)
	});
}

const SIGN_UP_COOKIE = 'naburig_signup';
const signUpCookieName = (url: URL) =>
	isLocalhost(url) ? SIGN_UP_COOKIE : `__Host-${SIGN_UP_COOKIE}`;

/**
 * Marks this browser as the one that asked for an account with this address (a hash, never the
 * address itself). security: the confirmation link signs in only in that browser, so someone who
 * signs up with another person's address cannot get them signed into an account whose password
 * the intruder chose. Set on every sign-up, account or not, so the cookie tells nothing.
 */
export function setSignUpCookie(cookies: Cookies, url: URL, email: string): void {
	cookies.set(signUpCookieName(url), hashToken(email.trim().toLowerCase()), {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: isSecure(url),
		maxAge: 48 * 60 * 60
	});
}

/** True when this browser asked for the account with this address; the mark is used up. */
export function takeSignUpCookie(cookies: Cookies, url: URL, email: string | null): boolean {
	const name = signUpCookieName(url);
	const mark = cookies.get(name);
	if (!mark) return false;
	cookies.delete(name, { path: '/', httpOnly: true, sameSite: 'lax', secure: isSecure(url) });
	return email !== null && mark === hashToken(email.trim().toLowerCase());
}
