import { z } from 'zod';
import {
	CALL_OUTCOMES,
	INVITE_WAYS,
	OFFER_HOURS,
	OPEN_SLOT_WAYS,
	PLAN_REPEATS
} from '$lib/circles/lists';
import { DURATIONS } from '$lib/posts/choices';
import {
	TIME_OF_DAY,
	calendarDate,
	emailField,
	requiredChoice,
	textField,
	wholeNumber
} from './fields';

const timeField = (message: string) =>
	z.string({ error: message }).trim().regex(TIME_OF_DAY, message);

/** Whom a circle is around: the person themselves, or someone they care for. */
export const startCircleSchema = z.object({
	centreId: z.string({ error: 'circles_err_person' }).trim().min(1, 'circles_err_person').max(64)
});

/** A task in the plan. Whether its first day lies in the past is checked against the local day. */
export const planItemSchema = z.object({
	title: textField({ max: 80, required: 'circles_err_title' }),
	note: textField({ max: 500, multiline: true }).default(''),
	categoryId: z.preprocess(
		(v) => (v === '' || v === undefined ? null : v),
		wholeNumber({ min: 1, max: Number.MAX_SAFE_INTEGER, message: 'err_invalid' }).nullable()
	),
	repeat: requiredChoice(PLAN_REPEATS, 'circles_err_repeat'),
	date: calendarDate({ message: 'circles_err_date' }),
	time: timeField('circles_err_time'),
	durationMinutes: z.coerce
		.number({ error: 'err_invalid' })
		.refine((n) => (DURATIONS as readonly number[]).includes(n), 'err_invalid')
		.default(60),
	submissionKey: z.string().min(16, 'err_invalid').max(64, 'err_invalid')
});
export type PlanItemForm = z.output<typeof planItemSchema>;

/** An invitation: by mail, by SMS, or a code to print. */
export const inviteSchema = z
	.object({
		way: requiredChoice(INVITE_WAYS, 'circles_err_way'),
		name: textField({ max: 80, required: 'circles_err_name' }),
		address: textField({ max: 254 }).default('')
	})
	.superRefine((v, ctx) => {
		if (v.way === 'email' && !emailField.safeParse(v.address).success)
			ctx.addIssue({ code: 'custom', message: 'circles_err_email', path: ['address'] });
		if (v.way === 'sms' && !/^[\d\s+/.()-]{6,30}$/.test(v.address))
			ctx.addIssue({ code: 'custom', message: 'circles_err_phone', path: ['address'] });
	});

/** The code from an invitation, as typed from paper. */
export const joinSchema = z.object({
	code: z
		.string({ error: 'circles_err_code' })
		.trim()
		.refine((v) => v.replace(/[^A-Za-z0-9]/g, '').length === 8, 'circles_err_code')
});

/** The centre's choices. */
export const circleSettingsSchema = z.object({
	openSlots: requiredChoice(OPEN_SLOT_WAYS, 'circles_err_open_slots'),
	offerHoursBefore: z.coerce
		.number({ error: 'err_invalid' })
		.refine((n) => (OFFER_HOURS as readonly number[]).includes(n), 'err_invalid'),
	brokerMayRead: z.boolean().default(false)
});

/** A message on the circle's board. */
export const boardSchema = z.object({
	body: textField({ max: 1000, required: 'circles_err_message', multiline: true }),
	submissionKey: z.string().min(16, 'err_invalid').max(64, 'err_invalid')
});

/** Regular check-in calls: days, time, who calls, whom to alert. */
export const checkInPlanSchema = z
	.object({
		personId: z.string().trim().max(64).default(''),
		callerId: z
			.string({ error: 'checkins_err_caller' })
			.trim()
			.min(1, 'checkins_err_caller')
			.max(64),
		contactId: z
			.string({ error: 'checkins_err_contact' })
			.trim()
			.min(1, 'checkins_err_contact')
			.max(64),
		weekdays: z
			.array(z.coerce.number().int().min(1).max(7))
			.min(1, 'checkins_err_days')
			.max(7)
			.default([]),
		time: timeField('checkins_err_time'),
		retryMinutes: wholeNumber({ min: 5, max: 240, message: 'checkins_err_retry' }).default(30),
		graceMinutes: wholeNumber({ min: 15, max: 720, message: 'checkins_err_grace' }).default(90),
		submissionKey: z.string().min(16, 'err_invalid').max(64, 'err_invalid')
	})
	.superRefine((v, ctx) => {
		if (v.callerId && v.callerId === v.contactId)
			ctx.addIssue({ code: 'custom', message: 'checkins_err_same', path: ['contactId'] });
	});
export type CheckInPlanForm = z.output<typeof checkInPlanSchema>;

/** A new check-in form: Monday, Wednesday and Friday at ten, a retry after half an hour. */
export const newCheckInPlan = (personId = '') => ({
	personId,
	time: '10:00',
	weekdays: [1, 3, 5],
	retryMinutes: 30,
	graceMinutes: 90,
	submissionKey: crypto.randomUUID()
});

/** What the caller writes down. */
export const callRecordSchema = z
	.object({
		callId: wholeNumber({ min: 1, max: Number.MAX_SAFE_INTEGER, message: 'err_invalid' }),
		outcome: requiredChoice(CALL_OUTCOMES, 'checkins_err_outcome'),
		note: textField({ max: 1000, multiline: true }).default(''),
		signal: z.boolean().default(false)
	})
	.superRefine((v, ctx) => {
		if (v.outcome === 'follow_up' && !v.note)
			ctx.addIssue({ code: 'custom', message: 'checkins_err_note', path: ['note'] });
	});
