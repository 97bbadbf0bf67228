import { z } from 'zod';
import {
	calendarDate,
	idField,
	requiredChoice,
	textField,
	TIME_OF_DAY,
	wholeNumber
} from './fields';
import {
	BODY_MAX,
	DURATIONS,
	MAX_HELPERS,
	PLACE_LABEL_MAX,
	PLACE_TYPES,
	POST_KINDS,
	TITLE_MAX,
	WHEN_TYPES
} from '$lib/posts/choices';
import { DAY_PARTS } from '$lib/day-parts';
import { homeFields } from './profile';

const time = z
	.string()
	.trim()
	.refine((v) => v === '' || TIME_OF_DAY.test(v), 'post_err_time_needed');

const base = z.object({
	// Request or offer is the first thing a person decides: never pre-chosen for them.
	kind: requiredChoice(POST_KINDS, 'post_err_kind'),
	categoryId: idField('post_err_category').nullable(),
	title: textField({ max: TITLE_MAX, required: 'post_err_title' }),
	body: textField({ max: BODY_MAX, required: 'post_err_body', multiline: true }),
	whenType: z.enum(WHEN_TYPES, { error: 'err_invalid' }).default('flexible'),
	whenDate: calendarDate({ message: 'post_err_date_needed', optional: true }),
	whenFrom: time,
	whenTo: time,
	recurringDay: wholeNumber({ min: 1, max: 7, message: 'post_err_weekday_needed' }).nullable(),
	recurringPart: z.enum(['', ...DAY_PARTS], { error: 'post_err_part_needed' }),
	durationMinutes: wholeNumber({ min: 1, max: 24 * 60, message: 'err_invalid' })
		.refine((d) => (DURATIONS as readonly number[]).includes(d), 'err_invalid')
		.nullable(),
	helpersNeeded: wholeNumber({
		min: 1,
		max: MAX_HELPERS,
		message: 'post_err_helpers',
		// Chosen from a list of 1 to 5, so the list's own words say it best.
		notWhole: 'post_err_helpers'
	}).default(1),
	standing: z.boolean(),
	placeType: z.enum(PLACE_TYPES).default('home'),
	placeLabel: textField({ max: PLACE_LABEL_MAX }),
	placeStreetId: idField('post_err_place_street').nullable(),
	submissionKey: z.string().min(16, 'err_invalid').max(64, 'err_invalid'),
	// Asked only of a person whose profile has no street yet; saved to the profile with the post.
	...homeFields
});

export type PostForm = z.infer<typeof base>;

/** What a broker may correct before approving: the words, not the facts. */
export const postWordsSchema = base.pick({ title: true, body: true });

/**
 * The post form. `today` is the local date ("YYYY-MM-DD") in the poster's neighbourhood, so
 * that "not in the past" means the same day there as for the poster. `askHome`: the poster has
 * no street in their profile yet, so the form asks for it.
 */
export function postSchema(today: string, askHome = false) {
	return base.superRefine((v, ctx) => {
		const issue = (path: keyof PostForm, message: string) =>
			ctx.addIssue({ code: 'custom', path: [path], message });
		if (askHome && v.streetId === null) issue('streetId', 'post_err_home_street');
		else if (v.houseNumber && v.streetId === null) issue('streetId', 'profile_err_street_needed');
		if (v.categoryId === null) issue('categoryId', 'post_err_category');
		if (v.whenType === 'date' || v.whenType === 'window') {
			if (!v.whenDate) issue('whenDate', 'post_err_date_needed');
			else if (v.whenDate < today) issue('whenDate', 'post_err_date_past');
		}
		if (v.whenType === 'window') {
			if (!v.whenFrom) issue('whenFrom', 'post_err_time_needed');
			if (!v.whenTo) issue('whenTo', 'post_err_time_needed');
			if (v.whenFrom && v.whenTo && v.whenFrom >= v.whenTo) issue('whenTo', 'post_err_time_order');
		}
		if (v.whenType === 'recurring') {
			if (v.recurringDay === null) issue('recurringDay', 'post_err_weekday_needed');
			if (!v.recurringPart) issue('recurringPart', 'post_err_part_needed');
		}
		if (v.placeType === 'other') {
			if (!v.placeLabel) issue('placeLabel', 'post_err_place_label');
			if (v.placeStreetId === null) issue('placeStreetId', 'post_err_place_street');
		}
	});
}
