import { z } from 'zod';
import { isSlot } from '$lib/profile/availability';
import { isLanguageCode } from '$lib/profile/languages';
import { ABOUT_MAX } from '$lib/profile/limits';
import { idField, nameField, textField } from './fields';

const coordinate = (limit: number) =>
	z
		.number({ error: 'profile_err_pin_invalid' })
		.min(-limit, 'profile_err_pin_invalid')
		.max(limit, 'profile_err_pin_invalid')
		.nullable();

/**
 * Where a person lives, as the profile asks it; the post form asks the same of a person who has
 * not said it yet.
 */
export const homeFields = {
	streetId: idField('profile_err_street_unknown').nullable(),
	houseNumber: textField({ max: 20 })
};

/**
 * The profile form. Checks that need the database (the street exists, the pin lies in a
 * neighbourhood, the categories are active) are made by updateProfile() on the server.
 */
export const profileSchema = z
	.object({
		displayName: nameField,
		// Optional; Belgian and Dutch numbers are written with spaces, dots, slashes and a leading +.
		phone: z
			.string()
			.trim()
			.max(30, 'err_too_long')
			.regex(/^(|\+?[0-9][0-9 ()./-]{5,})$/, 'profile_err_phone'),
		languages: z
			.array(z.string())
			.refine((a): boolean => a.every(isLanguageCode), 'profile_err_language_unknown'),
		about: textField({ max: ABOUT_MAX, tooLong: 'profile_err_about_long', multiline: true }),
		categories: z.array(idField('profile_err_category_unknown')),
		availability: z
			.array(z.string())
			.refine((a): boolean => a.every(isSlot), 'profile_err_availability_unknown'),
		...homeFields,
		pinLat: coordinate(90),
		pinLon: coordinate(180)
	})
	.superRefine((v, ctx) => {
		if ((v.pinLat === null) !== (v.pinLon === null)) {
			ctx.addIssue({ code: 'custom', path: ['pinLat'], message: 'profile_err_pin_invalid' });
		}
		if (v.houseNumber && v.streetId === null) {
			ctx.addIssue({ code: 'custom', path: ['streetId'], message: 'profile_err_street_needed' });
		}
	});

export type ProfileForm = z.infer<typeof profileSchema>;
