/**
 * SvelteKit's check of where a form post comes from, done in hooks.server.ts instead of by
 * SvelteKit itself (svelte.config.js: `csrf.trustedOrigins: ['*']`), so that one route can take
 * the one-click unsubscribe of RFC 8058. A mail program sends that POST from its own servers,
 * with no Origin header or one of its own, and without any token the site could have given it:
 * SvelteKit's check refuses such a post before any hook runs, and its `trustedOrigins` can only
 * name origins, not "none". The rule below is SvelteKit's own (2.x, `respond.js`), word for word,
 * with that one route let through; the route changes nothing but "stop these alerts" for the
 * person its signed link names.
 */

/** The route whose POST is the one-click unsubscribe: its signed link is its permission. */
export const ONE_CLICK_ROUTE = '/(public)/unsubscribe/[token]';

/** Content types a browser form can send to another site (SvelteKit's list). */
const FORM_TYPES = [
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/x-sveltekit-formdata'
];
const UNSAFE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** True when a form is posted from another origin (or none) to anything but the one-click route. */
export function crossSiteFormRefused(request: Request, url: URL, routeId: string | null): boolean {
	if (!UNSAFE_METHODS.includes(request.method)) return false;
	const type = request.headers.get('content-type')?.split(';', 1)[0]!.trim().toLowerCase() ?? '';
	if (!FORM_TYPES.includes(type)) return false;
	if (request.headers.get('origin') === url.origin) return false;
	return !(request.method === 'POST' && routeId === ONE_CLICK_ROUTE);
}
