import { redirect, type Cookies } from '@sveltejs/kit';
import { cookieName, getLocale } from '$lib/paraglide/runtime.js';
import { toLocale } from '$lib/i18n';

/**
 * The site's language is a cookie (Paraglide's "cookie" strategy, before the browser's own
 * languages): set when a person picks a language, when they sign in (their account's), and when
 * they open a personal link from a message (the recipient's).
 */
export function rememberLanguage(cookies: Cookies, locale: string): void {
	cookies.set(cookieName, toLocale(locale), {
		path: '/',
		httpOnly: false,
		sameSite: 'lax',
		maxAge: 400 * 24 * 3600
	});
}

/**
 * A page reached by a personal link (follow-up, "still needed?", stop alerts) speaks the
 * language of the person the message was for, whatever the browser says (it may be a
 * neighbour's or a library's). The first visit remembers that language and comes back marked
 * with ?lang=, so picking another language on the page afterwards still works.
 */
export function speakRecipientLanguage(cookies: Cookies, url: URL, recipientLocale: string): void {
	if (url.searchParams.has('lang')) return;
	const locale = toLocale(recipientLocale);
	if (locale !== getLocale()) rememberLanguage(cookies, locale);
	const next = new URL(url);
	next.searchParams.set('lang', locale);
	redirect(303, next.pathname + next.search);
}
