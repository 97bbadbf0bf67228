import { describe, expect, it } from 'vitest';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { postSchema, type PostForm } from './post';

const TODAY = '2026-12-01';
const valid: PostForm = {
	kind: 'request',
	categoryId: 1,
	title: 'Lamp vervangen',
	body: 'De lamp in de keuken is stuk.',
	whenType: 'flexible',
	whenDate: '',
	whenFrom: '',
	whenTo: '',
	recurringDay: null,
	recurringPart: '',
	durationMinutes: 30,
	helpersNeeded: 1,
	standing: false,
	placeType: 'home',
	placeLabel: '',
	placeStreetId: null,
	submissionKey: 'a-random-key-of-enough-length',
	streetId: null,
	houseNumber: ''
};

/** The error keys per field, or {} when the values pass. */
function errors(extra: Partial<PostForm>, askHome = false): Record<string, string[]> {
	const r = postSchema(TODAY, askHome).safeParse({ ...valid, ...extra });
	if (r.success) return {};
	const out: Record<string, string[]> = {};
	for (const i of r.error.issues) (out[String(i.path[0])] ??= []).push(i.message);
	return out;
}

describe('the post form', () => {
	it('accepts a complete flexible request', () => {
		expect(errors({})).toEqual({});
	});

	it('asks whether it is a request or an offer, never choosing for the person', async () => {
		expect(errors({ kind: undefined })).toEqual({ kind: ['post_err_kind'] });
		const empty = await superValidate(zod4(postSchema(TODAY)), { errors: false });
		expect(empty.data.kind).toBeUndefined();
	});

	it('asks for a title, a text and a category', () => {
		expect(errors({ title: '  ', body: '', categoryId: null })).toEqual({
			title: ['post_err_title'],
			body: ['post_err_body'],
			categoryId: ['post_err_category']
		});
	});

	it('needs a day for a date or a window, and not one in the past', () => {
		expect(errors({ whenType: 'date' })).toEqual({ whenDate: ['post_err_date_needed'] });
		expect(errors({ whenType: 'date', whenDate: '2026-11-30' })).toEqual({
			whenDate: ['post_err_date_past']
		});
		expect(errors({ whenType: 'date', whenDate: TODAY })).toEqual({});
		// A day that has passed elsewhere is still fine when it is today in the neighbourhood.
		expect(
			postSchema('2026-11-30').safeParse({ ...valid, whenType: 'date', whenDate: '2026-11-30' })
				.success
		).toBe(true);
	});

	it('needs both times of a window, the end after the start', () => {
		expect(errors({ whenType: 'window', whenDate: TODAY })).toEqual({
			whenFrom: ['post_err_time_needed'],
			whenTo: ['post_err_time_needed']
		});
		expect(
			errors({ whenType: 'window', whenDate: TODAY, whenFrom: '11:00', whenTo: '10:00' })
		).toEqual({
			whenTo: ['post_err_time_order']
		});
		expect(
			errors({ whenType: 'window', whenDate: TODAY, whenFrom: '10:00', whenTo: '11:30' })
		).toEqual({});
		expect(
			errors({ whenType: 'window', whenDate: TODAY, whenFrom: '25:00', whenTo: '26:00' })
		).toHaveProperty('whenFrom');
	});

	it('needs a weekday and a part of the day for a recurring moment', () => {
		expect(errors({ whenType: 'recurring' })).toEqual({
			recurringDay: ['post_err_weekday_needed'],
			recurringPart: ['post_err_part_needed']
		});
		expect(errors({ whenType: 'recurring', recurringDay: 2, recurringPart: 'morning' })).toEqual(
			{}
		);
		// Times and dates left in hidden fields do not matter for another kind of "when".
		expect(
			errors({ whenType: 'flexible', whenDate: '2020-01-01', whenFrom: '12:00', whenTo: '09:00' })
		).toEqual({});
	});

	it('needs a name and a street for another place', () => {
		expect(errors({ placeType: 'other' })).toEqual({
			placeLabel: ['post_err_place_label'],
			placeStreetId: ['post_err_place_street']
		});
		expect(errors({ placeType: 'other', placeLabel: 'De apotheek', placeStreetId: 4 })).toEqual({});
	});

	it('asks a person without a street in their profile for it, as the profile would', () => {
		expect(errors({}, true)).toEqual({ streetId: ['post_err_home_street'] });
		expect(errors({ houseNumber: '12' }, true)).toEqual({ streetId: ['post_err_home_street'] });
		expect(errors({ streetId: 4, houseNumber: '12 bus 3' }, true)).toEqual({});
		expect(errors({ houseNumber: '12' })).toEqual({ streetId: ['profile_err_street_needed'] });
		expect(errors({ streetId: 4, houseNumber: '1'.repeat(21) }, true)).toEqual({
			houseNumber: ['err_too_long']
		});
		// Someone whose profile has a street is not asked again.
		expect(errors({})).toEqual({});
	});

	it('keeps helpers between 1 and 5 and durations to the listed choices', () => {
		expect(errors({ helpersNeeded: 6 })).toEqual({ helpersNeeded: ['post_err_helpers'] });
		expect(errors({ helpersNeeded: 0 })).toEqual({ helpersNeeded: ['post_err_helpers'] });
		expect(errors({ durationMinutes: 17 })).toEqual({ durationMinutes: ['err_invalid'] });
	});

	it('refuses a title of only zero-width characters, a NUL byte or a line break in the title', () => {
		expect(errors({ title: '\u200b\u200d\u2060' })).toEqual({ title: ['post_err_title'] });
		expect(errors({ title: 'Lamp\u0000' })).toEqual({ title: ['err_control_character'] });
		expect(errors({ title: 'Lamp\r\nvervangen' })).toEqual({ title: ['err_control_character'] });
	});

	it('refuses an impossible date rather than moving it to March', () => {
		expect(errors({ whenType: 'date', whenDate: '2027-02-30' })).toEqual({
			whenDate: ['err_date_not_real']
		});
	});

	it('refuses 1.5 helpers sent by a form, instead of storing 1', async () => {
		const data = new FormData();
		for (const [k, v] of Object.entries({ ...valid, kind: 'request', helpersNeeded: '1.5' }))
			if (v !== null && v !== false) data.set(k, String(v));
		const form = await superValidate(data, zod4(postSchema(TODAY)));
		expect(form.errors.helpersNeeded).toEqual(['post_err_helpers']);
		expect(form.data.helpersNeeded).toBe(1.5);
	});
});
