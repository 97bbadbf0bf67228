/** A local path to go to after a form, never another site (open-redirect protection). */
export function safeRedirect(value: unknown, fallback = '/'): string {
	const s = typeof value === 'string' ? value : '';
	return s.startsWith('/') && !s.startsWith('//') && !s.startsWith('/\\') ? s : fallback;
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
