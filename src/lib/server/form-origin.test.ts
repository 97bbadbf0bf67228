import { describe, expect, it } from 'vitest';
import { crossSiteFormRefused, ONE_CLICK_ROUTE } from './form-origin';

const url = new URL('https://buurt.example/profile');
const post = (headers: Record<string, string>, method = 'POST') =>
	new Request(url, { method, headers, body: method === 'GET' ? undefined : 'a=1' });
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('the form origin check', () => {
	it('refuses a form posted from another site or from nowhere, as SvelteKit does', () => {
		expect(
			crossSiteFormRefused(post({ ...FORM, origin: 'https://evil.example' }), url, '/(app)/profile')
		).toBe(true);
		expect(crossSiteFormRefused(post(FORM), url, '/(app)/profile')).toBe(true);
		for (const type of [
			'multipart/form-data; boundary=x',
			'text/plain;charset=UTF-8',
			'Application/X-WWW-Form-Urlencoded'
		])
			expect(crossSiteFormRefused(post({ 'content-type': type }), url, null)).toBe(true);
		expect(
			crossSiteFormRefused(post({ ...FORM, origin: 'https://evil.example' }, 'DELETE'), url, null)
		).toBe(true);
		// The unsubscribe route takes only the one-click POST from elsewhere.
		expect(crossSiteFormRefused(post(FORM, 'PUT'), url, ONE_CLICK_ROUTE)).toBe(true);
	});

	it('lets through the same site, JSON (checked by its endpoint) and the one-click unsubscribe', () => {
		expect(
			crossSiteFormRefused(
				post({ ...FORM, origin: 'https://buurt.example' }),
				url,
				'/(app)/profile'
			)
		).toBe(false);
		expect(crossSiteFormRefused(post({ 'content-type': 'application/json' }), url, null)).toBe(
			false
		);
		expect(crossSiteFormRefused(new Request(url), url, null)).toBe(false);
		expect(crossSiteFormRefused(post(FORM), url, ONE_CLICK_ROUTE)).toBe(false);
		expect(
			crossSiteFormRefused(post({ ...FORM, origin: 'https://mail.example' }), url, ONE_CLICK_ROUTE)
		).toBe(false);
	});
});
