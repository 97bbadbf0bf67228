import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';

describe('securityHeaders', () => {
	it('asks for https only when the site is served over https', () => {
		expect(securityHeaders(new URL('https://naburig.example.org/broker'))).toMatchObject({
			'strict-transport-security': 'max-age=31536000',
			'x-content-type-options': 'nosniff'
		});
		const local = securityHeaders(new URL('http://localhost:3000/'));
		expect(local).not.toHaveProperty('strict-transport-security');
		expect(local['x-content-type-options']).toBe('nosniff');
	});
});
