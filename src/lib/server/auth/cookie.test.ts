import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { deleteSessionCookie, sessionCookieName, setSessionCookie } from './cookie';

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
