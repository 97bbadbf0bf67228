import { describe, expect, it } from 'vitest';
import { extractLocaleFromRequest } from '$lib/paraglide/runtime.js';

// A new visitor (no cookie) gets the best match from Accept-Language; anything else gets Dutch.
function localeFor(acceptLanguage: string | null) {
	const headers = new Headers();
	if (acceptLanguage !== null) headers.set('accept-language', acceptLanguage);
	return extractLocaleFromRequest(new Request('http://localhost/', { headers }));
}

describe('locale of a new visitor', () => {
	it.each([
		['tr-TR,tr;q=0.9', 'tr'],
		['ar-MA', 'ar'],
		['fr-BE,fr;q=0.8,nl;q=0.5', 'fr'],
		['en-GB,en;q=0.9', 'en'],
		['de-DE,de;q=0.9', 'nl'],
		[null, 'nl']
	])('Accept-Language %s gives %s', (header, locale) => {
		expect(localeFor(header)).toBe(locale);
	});

	it('a chosen language (cookie) wins over the browser', () => {
		const request = new Request('http://localhost/', {
			headers: { 'accept-language': 'tr-TR', cookie: 'PARAGLIDE_LOCALE=ar' }
		});
		expect(extractLocaleFromRequest(request)).toBe('ar');
	});
});
