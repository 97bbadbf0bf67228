import { z } from 'zod';
import { requiredChoice } from './fields';
import {
	BODY_MAX,
	DURATIONS,
	KINDS,
	MAX_HELPERS,
	PARTS,
	PLACE_LABEL_MAX,
	TITLE_MAX,
	WHEN_KINDS
} from '$lib/posts/choices';

const time = z.string().regex(/^(|([01]\d|2[0-3]):[0-5]\d)$/, 'post_err_time_needed');

const base = z.object({
	// Request or offer is the first thing a person decides: never pre-chosen for them.
	kind: requiredChoice(KINDS, 'post_err_kind'),
	categoryId: z.int({ error: 'post_err_category' }).positive('post_err_category').nullable(),
	title: z.string().trim().min(1, 'err_required').max(TITLE_MAX, 'err_too_long'),
	body: z.string().trim().min(1, 'err_required').max(BODY_MAX, 'err_too_long'),
	whenType: z.enum(WHEN_KINDS, { error: 'err_invalid' }).default('flexible'),
	whenDate: z.string().regex(/^(|\d{4}-\d{2}-\d{2})$/, 'post_err_date_needed'),
	whenFrom: time,
	whenTo: time,
	recurringDay: z.int({ error: 'post_err_weekday_needed' }).min(1).max(7).nullable(),
	recurringPart: z.enum(['', ...PARTS], { error: 'post_err_part_needed' }),
	durationMinutes: z
		.int({ error: 'err_invalid' })
		.refine((d) => (DURATIONS as readonly number[]).includes(d), 'err_invalid')
		.nullable(),
	helpersNeeded: z
		.int({ error: 'post_err_helpers' })
		.min(1, 'post_err_helpers')
		.max(MAX_HELPERS, 'post_err_helpers')
		.default(1),
	standing: z.boolean(),
	placeType: z.enum(['home', 'other']).default('home'),
	placeLabel: z.string().trim().max(PLACE_LABEL_MAX, 'err_too_long'),
	placeStreetId: z.int({ error: 'post_err_place_street' }).positive().nullable(),
	submissionKey: z.string().min(16, 'err_invalid').max(64, 'err_invalid')
});

export type PostForm = z.infer<typeof base>;

/** What a broker may correct before approving: the words, not the facts. */
export const postWordsSchema = base.pick({ title: true, body: true });

/**
 * The post form. `today` is the local date ("YYYY-MM-DD") in the poster's neighbourhood, so
 * that "not in the past" means the same day there as for the poster.
 */
export function postSchema(today: string) {
	return base.superRefine((v, ctx) => {
		const issue = (path: keyof PostForm, message: string) =>
			ctx.addIssue({ code: 'custom', path: [path], message });
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
