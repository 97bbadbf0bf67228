import { describe, expect, it } from 'vitest';
import { countryCodeFor, telHref, toE164 } from './phone';

describe('telHref', () => {
	it('makes a valid tel: link of a number as people write it', () => {
		// The Nu checker refuses a space after "tel:" (the desk and Today showed "tel:03 321 54 76").
		expect(telHref('03 321 54 76')).toBe('tel:033215476');
		expect(telHref('+32 (0)470/11.22.33')).toBe('tel:+320470112233');
	});
});

describe('toE164', () => {
	it('reads the ways Belgians write a mobile number', () => {
		for (const raw of [
			'0470 11 22 33',
			'0470/11.22.33',
			'0470-112233',
			'+32 470 11 22 33',
			'+32 (0)470 11 22 33',
			'0032 470 11 22 33',
			'+32470112233'
		])
			expect(toE164(raw, '32'), raw).toBe('+32470112233');
	});

	it('takes a national number in the neighbourhood’s country', () => {
		expect(toE164('06 12 34 56 78', countryCodeFor('Europe/Amsterdam'))).toBe('+31612345678');
		expect(toE164('015 41 22 87', countryCodeFor('Europe/Brussels'))).toBe('+3215412287');
	});

	it('refuses what cannot be a number', () => {
		for (const raw of ['', 'bel me', '12', '32470112233', '+0470', '+1234567890123456', '0'])
			expect(toE164(raw, '32'), raw).toBeNull();
	});
});
