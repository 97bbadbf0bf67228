import { describe, expect, it } from 'vitest';
import { isSameOrigin, safeRedirect } from './http';

const url = new URL('https://naburig.example/api/something');
const req = (headers: Record<string, string>) => new Request(url, { method: 'POST', headers });

describe('safeRedirect', () => {
	it('keeps local paths and refuses other sites', () => {
		expect(safeRedirect('/profile?x=1')).toBe('/profile?x=1');
		expect(safeRedirect('//evil.example/')).toBe('/');
		expect(safeRedirect('/\\evil.example')).toBe('/');
		expect(safeRedirect('https://evil.example/')).toBe('/');
		expect(safeRedirect(null, '/home')).toBe('/home');
	});
});

describe('isSameOrigin', () => {
	it('accepts our own origin and refuses another', () => {
		expect(isSameOrigin(req({ origin: 'https://naburig.example' }), url)).toBe(true);
		expect(isSameOrigin(req({ origin: 'https://evil.example' }), url)).toBe(false);
	});

	it('falls back to Sec-Fetch-Site', () => {
		expect(isSameOrigin(req({ 'sec-fetch-site': 'cross-site' }), url)).toBe(false);
		expect(isSameOrigin(req({ 'sec-fetch-site': 'same-origin' }), url)).toBe(true);
	});
});
