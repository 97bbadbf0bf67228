import { describe, expect, it } from 'vitest';
import { profileSchema } from './profile';

const valid = {
	displayName: ' Maria ',
	phone: '+32 15 41 22 87',
	languages: ['nl', 'ber'],
	about: 'Hallo',
	categories: [1],
	availability: ['sun-evening'],
	streetId: 3,
	houseNumber: '7',
	pinLat: null,
	pinLon: null
};

/** The message key of each field that failed. */
function errors(input: object): Record<string, string> {
	const result = profileSchema.safeParse({ ...valid, ...input });
	return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('profileSchema', () => {
	it('accepts a complete profile and trims the name', () => {
		expect(profileSchema.parse(valid).displayName).toBe('Maria');
		expect(
			profileSchema.safeParse({
				...valid,
				phone: '',
				streetId: null,
				houseNumber: '',
				pinLat: 51.03,
				pinLon: 4.48
			}).success
		).toBe(true);
	});

	it('explains each mistake with a message key beside its field', () => {
		expect(errors({ displayName: '  ' })).toEqual({ displayName: 'err_name_required' });
		expect(errors({ about: 'x'.repeat(501) })).toEqual({ about: 'profile_err_about_long' });
		expect(errors({ phone: 'bel me' })).toEqual({ phone: 'profile_err_phone' });
		expect(errors({ languages: ['nl', 'klingon'] })).toEqual({
			languages: 'profile_err_language_unknown'
		});
		expect(errors({ availability: ['mon-night'] })).toEqual({
			availability: 'profile_err_availability_unknown'
		});
		expect(errors({ pinLat: 200, pinLon: 4 })).toEqual({ pinLat: 'profile_err_pin_invalid' });
	});

	it('needs both halves of a pin, and a street for a house number', () => {
		expect(errors({ pinLat: 51.03 })).toEqual({ pinLat: 'profile_err_pin_invalid' });
		expect(errors({ streetId: null })).toEqual({ streetId: 'profile_err_street_needed' });
	});
});
