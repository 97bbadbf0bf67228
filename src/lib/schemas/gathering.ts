import { z } from 'zod';
import { GATHERING_AUDIENCES, GATHERING_KINDS, NAMED_GATHERING_KINDS } from '$lib/volunteers/lists';
import {
	TIME_OF_DAY,
	calendarDate,
	idField,
	requiredChoice,
	textField,
	wholeNumber
} from './fields';

/** An optional whole number typed in a box: empty stays null. */
const optionalNumber = (max: number, message: string) =>
	z.preprocess(
		(v) => (typeof v === 'string' && v.trim() === '' ? null : v),
		wholeNumber({ min: 1, max, message }).nullable()
	);

const timeField = z
	.string({ error: 'gatherings_err_time' })
	.trim()
	.regex(TIME_OF_DAY, 'gatherings_err_time');

/**
 * The broker's plan form. Whether the day lies in the past is checked by the domain, which knows
 * the neighbourhood's time zone; the rest here.
 */
export const gatheringSchema = z
	.object({
		neighbourhoodId: idField(),
		kind: requiredChoice(GATHERING_KINDS, 'gatherings_err_kind'),
		name: textField({ max: 120 }).default(''),
		date: calendarDate({ message: 'gatherings_err_date' }),
		startTime: timeField,
		endTime: timeField,
		place: textField({ max: 200, required: 'err_required' }),
		capacity: optionalNumber(1000, 'gatherings_err_capacity').default(null),
		audience: requiredChoice(GATHERING_AUDIENCES, 'gatherings_err_audience'),
		description: textField({ max: 4000, multiline: true }).default(''),
		refresherMonths: optionalNumber(120, 'gatherings_err_refresher').default(null)
	})
	.superRefine((v, ctx) => {
		if (v.kind && NAMED_GATHERING_KINDS.includes(v.kind) && !v.name)
			ctx.addIssue({ code: 'custom', message: 'err_required', path: ['name'] });
		if (TIME_OF_DAY.test(v.startTime) && TIME_OF_DAY.test(v.endTime) && v.endTime <= v.startTime)
			ctx.addIssue({ code: 'custom', message: 'gatherings_err_end', path: ['endTime'] });
	});
export type GatheringForm = z.output<typeof gatheringSchema>;

/** The broker signs someone up on the phone. */
export const phoneSignupSchema = z.object({
	userId: z
		.string({ error: 'gatherings_err_person' })
		.trim()
		.min(1, 'gatherings_err_person')
		.max(64)
});

/** Attendance afterwards: one checkbox per signed-up person, sent as their id. */
export const attendanceSchema = z.object({
	came: z.array(z.string().trim().min(1).max(64)).max(1000).default([])
});
