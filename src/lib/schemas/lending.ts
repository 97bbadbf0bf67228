import { z } from 'zod';

/** A local date as a date field sends it; the domain checks it is a real date. */
const dateField = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'lending_err_date');

/** A resident reserves a tool: the days, having read the safety notes, maybe for a match. */
export const reservationSchema = z.object({
	startDate: dateField,
	endDate: dateField,
	safetyRead: z.boolean().refine((v) => v, 'lending_err_safety'),
	/** The match (as its helper) the tool is for; 0 for none. */
	matchId: z.int().min(0).default(0)
});

/** "I have read the borrower agreement and agree": for the version shown. */
export const agreementSchema = z.object({
	agreementId: z.int().positive(),
	agree: z.boolean().refine((v) => v, 'lending_err_agree')
});

/** A later last day for a reservation or loan. */
export const extendSchema = reservationSchema.pick({ endDate: true }).extend({
	loanId: z.int().positive()
});

/** How someone without internet accepted the agreement, as the desk records it. */
export const DESK_ACCEPTANCE = ['paper', 'read_aloud'] as const;

/** The desk or a broker books a tool for a resident (e.g. on the phone or at the counter). */
export const deskBookingSchema = reservationSchema.pick({ startDate: true, endDate: true }).extend({
	toolId: z.int({ error: 'desk_err_tool' }).positive('desk_err_tool'),
	/** Only asked when the person has not accepted the current agreement yet. */
	acceptance: z.enum(DESK_ACCEPTANCE).optional(),
	safetyExplained: z.boolean().refine((v) => v, 'desk_err_safety_explained')
});

/** A new version of the borrower agreement, in both languages. */
export const agreementTextSchema = z.object({
	nl: z.string().trim().min(20, 'desk_err_agreement_text').max(8000, 'err_too_long'),
	en: z.string().trim().min(20, 'desk_err_agreement_text').max(8000, 'err_too_long')
});

/**
 * Why the desk cancels a reservation: a resident phoned, or the tool cannot be lent on those days.
 * Codes, not stories: the borrower's mail says it kindly, in their language.
 */
export const DESK_CANCEL_REASONS = [
	'no_longer_needed',
	'other_dates',
	'cannot_collect',
	'tool_unavailable'
] as const;
export type DeskCancelReason = (typeof DESK_CANCEL_REASONS)[number];

/** The desk cancels a reservation, with one reason from the list. */
export const deskCancelSchema = z.object({
	reason: z.enum(DESK_CANCEL_REASONS, { error: 'desk_err_cancel_reason' })
});
