// Any origin will do: a path is resolved against it and must stay on it.
const HOME = 'http://naburig.invalid';

/**
 * A local path to go to after a form, never another site (open-redirect protection). The value
 * is parsed with `URL` against an origin and must stay on it; control characters (browsers drop
 * tabs and newlines, so `/<tab>/evil.example` would become `//evil.example`) and backslashes
 * (read as `/`) are refused outright, and so is anything that resolves to `//host`.
 */
export function safeRedirect(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string' || !value.startsWith('/')) return fallback;
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f-\u009f\\]/.test(value)) return fallback;
	let url: URL;
	try {
		url = new URL(value, HOME);
	} catch {
		return fallback;
	}
	if (url.origin !== HOME || url.pathname.startsWith('//')) return fallback;
	return url.pathname + url.search + url.hash;
}

/**
 * For `+server.ts` endpoints that change state: SvelteKit checks the Origin of form posts only,
 * so JSON endpoints call this. A request from another site gets false.
 */
export function isSameOrigin(request: Request, url: URL): boolean {
	const origin = request.headers.get('origin');
	if (origin) return origin === url.origin;
	// Browsers send Origin with every cross-site POST; fall back to Sec-Fetch-Site when absent.
	const site = request.headers.get('sec-fetch-site');
	return site === null || site === 'same-origin' || site === 'none';
}
