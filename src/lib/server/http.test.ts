import { describe, expect, it } from 'vitest';
import { isSameOrigin, safeRedirect } from './http';

const url = new URL('https://naburig.example/api/something');
const req = (headers: Record<string, string>) => new Request(url, { method: 'POST', headers });

describe('safeRedirect', () => {
	it('keeps local paths with their query and fragment', () => {
		expect(safeRedirect('/profile?x=1')).toBe('/profile?x=1');
		expect(safeRedirect('/broker/residents/7#notes')).toBe('/broker/residents/7#notes');
		expect(safeRedirect(null, '/home')).toBe('/home');
	});

	it.each([
		// As the browser sends `?next=/%09/evil.example`: a tab, which browsers drop from Location.
		['/\t/evil.example'],
		['//evil.example'],
		['//evil.example/'],
		['/\\evil.example'],
		['/\\/evil.example'],
		['https://evil.example'],
		['https://evil.example/'],
		['javascript:alert(1)'],
		['/\n/evil.example'],
		['/\r\nSet-Cookie: x=1'],
		['/\u0000/evil.example'],
		['/\u007f/evil.example'],
		['/ok\u0085'],
		// Dot segments that resolve to `//host`.
		['/.//evil.example'],
		['/..//evil.example'],
		['evil.example'],
		['']
	])('refuses %j', (attack) => {
		expect(safeRedirect(attack, '/fallback')).toBe('/fallback');
	});

	it('keeps an encoded tab as an encoded path on this site', () => {
		expect(safeRedirect('/%09/evil.example')).toBe('/%09/evil.example');
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
