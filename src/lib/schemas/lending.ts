import { z } from 'zod';
import { DESK_CANCEL_REASONS } from '$lib/lending';
import { calendarDate, idField, textField, wholeNumber } from './fields';

/** A local date as a date field sends it, that really exists. */
const dateField = calendarDate({ message: 'lending_err_date' });

/** A resident reserves a tool: the days, having read the safety notes, maybe for a match. */
export const reservationSchema = z.object({
	startDate: dateField,
	endDate: dateField,
	safetyRead: z.boolean().refine((v) => v, 'lending_err_safety'),
	/** The match (as its helper) the tool is for; 0 for none. */
	matchId: wholeNumber({ min: 0, max: Number.MAX_SAFE_INTEGER, message: 'err_invalid' }).default(0)
});

/** "I have read the borrower agreement and agree": for the version shown. */
export const agreementSchema = z.object({
	agreementId: idField(),
	agree: z.boolean().refine((v) => v, 'lending_err_agree')
});

/** A later last day for a reservation or loan. */
export const extendSchema = reservationSchema.pick({ endDate: true }).extend({
	loanId: idField()
});

/** How someone without internet accepted the agreement, as the desk records it. */
export const DESK_ACCEPTANCE = ['paper', 'read_aloud'] as const;

/** The desk or a broker books a tool for a resident (e.g. on the phone or at the counter). */
export const deskBookingSchema = reservationSchema.pick({ startDate: true, endDate: true }).extend({
	toolId: idField('desk_err_tool'),
	/** Only asked when the person has not accepted the current agreement yet. */
	acceptance: z.enum(DESK_ACCEPTANCE).optional(),
	safetyExplained: z.boolean().refine((v) => v, 'desk_err_safety_explained')
});

const agreementText = textField({
	max: 8000,
	required: 'desk_err_agreement_text',
	min: [20, 'desk_err_agreement_text'],
	multiline: true
});

/** A new version of the borrower agreement, in both languages. */
export const agreementTextSchema = z.object({
	nl: agreementText,
	en: agreementText
});

/** The desk cancels a reservation, with one reason from the list. */
export const deskCancelSchema = z.object({
	reason: z.enum(DESK_CANCEL_REASONS, { error: 'desk_err_cancel_reason' })
});
