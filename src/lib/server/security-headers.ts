/** One year: browsers then use https only, even when someone types or follows an http:// link. */
const HSTS = 'max-age=31536000';

/**
 * The security headers of every page and endpoint. Strict-Transport-Security only when the site
 * is served over https (an https ORIGIN, or https behind a proxy): over plain http browsers ignore
 * it, and on http://localhost it would only get in the way. Without `includeSubDomains`: other
 * hosts under the same domain may belong to someone else.
 */
export function securityHeaders(site: URL): Record<string, string> {
	return {
		'referrer-policy': 'strict-origin-when-cross-origin',
		'x-content-type-options': 'nosniff',
		'x-frame-options': 'DENY',
		'permissions-policy': 'camera=(), microphone=(), geolocation=(self)',
		...(site.protocol === 'https:' ? { 'strict-transport-security': HSTS } : {})
	};
}
