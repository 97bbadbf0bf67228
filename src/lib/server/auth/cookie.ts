import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session';

/** Secure everywhere except plain-http localhost, where browsers would drop the cookie. */
function isSecure(url: URL): boolean {
	return url.protocol === 'https:' || !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure outside localhost. */
export function setSessionCookie(
	cookies: Cookies,
	url: URL,
	token: string,
	expiresAt: number
): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: isSecure(url),
		expires: new Date(expiresAt)
	});
}

/** Removes the session cookie. */
export function deleteSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: isSecure(url)
	});
}
