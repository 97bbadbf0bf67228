import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import {
	deleteSessionCookie,
	sessionCookieName,
	setSessionCookie,
	setSignUpCookie,
	takeSignUpCookie
} from './cookie';

/** Records what the cookie helpers ask SvelteKit to send. */
function recordingCookies() {
	const sent: { name: string; value?: string; options: Record<string, unknown> }[] = [];
	const cookies = {
		set: (name: string, value: string, options: Record<string, unknown>) =>
			sent.push({ name, value, options }),
		delete: (name: string, options: Record<string, unknown>) => sent.push({ name, options })
	} as unknown as Cookies;
	return { cookies, sent };
}

describe('the session cookie', () => {
	it('is __Host- prefixed, Secure, Path=/ and without Domain outside localhost', () => {
		const url = new URL('https://naburig.example.org/sign-in');
		const { cookies, sent } = recordingCookies();
		setSessionCookie(cookies, url, 'id.secret', 0);
		deleteSessionCookie(cookies, url);
		expect(sessionCookieName(url)).toBe('__Host-naburig_session');
		for (const cookie of sent) {
			expect(cookie.name).toBe('__Host-naburig_session');
			expect(cookie.options).toMatchObject({ secure: true, path: '/', httpOnly: true });
			expect(cookie.options).not.toHaveProperty('domain');
		}
	});

	it('keeps its plain name on http://localhost, where browsers refuse __Host- cookies', () => {
		const url = new URL('http://localhost:3000/sign-in');
		const { cookies, sent } = recordingCookies();
		setSessionCookie(cookies, url, 'id.secret', 0);
		expect(sent[0]).toMatchObject({ name: 'naburig_session', options: { secure: false } });
	});
});

describe('the sign-up mark', () => {
	/** A cookie jar that keeps what was set, as a browser would send it back. */
	function jar() {
		const kept = new Map<string, string>();
		const cookies = {
			set: (name: string, value: string) => kept.set(name, value),
			get: (name: string) => kept.get(name),
			delete: (name: string) => kept.delete(name)
		} as unknown as Cookies;
		return { cookies, kept };
	}
	const url = new URL('https://naburig.example.org/sign-up');

	it('matches the address signed up with in this browser, once, and never holds the address', () => {
		const { cookies, kept } = jar();
		setSignUpCookie(cookies, url, ' Rosa@Example.org ');
		expect([...kept.values()].join()).not.toContain('rosa');
		expect([...kept.keys()]).toEqual(['__Host-naburig_signup']);
		expect(takeSignUpCookie(cookies, url, 'rosa@example.org')).toBe(true);
		expect(takeSignUpCookie(cookies, url, 'rosa@example.org')).toBe(false);
	});

	it('does not match another address, nor a browser that never signed up', () => {
		const { cookies } = jar();
		expect(takeSignUpCookie(cookies, url, 'rosa@example.org')).toBe(false);
		setSignUpCookie(cookies, url, 'indringer@example.org');
		expect(takeSignUpCookie(cookies, url, 'rosa@example.org')).toBe(false);
	});
});
