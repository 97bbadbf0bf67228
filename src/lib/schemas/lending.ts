import { z } from 'zod';
import { DESK_CANCEL_REASONS } from '$lib/lending/lists';
import {
	AFTER_CHECK_IN,
	DEPOSIT_OUTCOMES,
	DEPOSIT_WAIVER_REASONS,
	DESK_ACCEPTANCE,
	RETIRE_REASONS,
	TOOL_CONDITIONS
} from '$lib/lending/lists';
import { calendarDate, idField, requiredChoice, textField, wholeNumber } from './fields';

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

/** The desk or a broker books a tool for a resident (e.g. on the phone or at the counter). */
export const deskBookingSchema = reservationSchema.pick({ startDate: true, endDate: true }).extend({
	toolId: idField('desk_err_tool'),
	/** Only asked when the person has not accepted the current agreement yet. */
	acceptance: z.enum(DESK_ACCEPTANCE).optional(),
	safetyExplained: z.boolean().refine((v) => v, 'desk_err_safety_explained')
});

const agreementText = (required: boolean) =>
	textField({
		max: 8000,
		required: required ? 'desk_err_agreement_text' : undefined,
		min: [20, 'desk_err_agreement_text'],
		multiline: true
	});

/** A new version of the borrower agreement: Dutch always, the other site languages when written. */
export const agreementTextSchema = z.object({
	nl: agreementText(true),
	en: agreementText(false),
	fr: agreementText(false),
	tr: agreementText(false),
	ar: agreementText(false)
});

export type AgreementTexts = z.infer<typeof agreementTextSchema>;

/** The desk cancels a reservation, with one reason from the list (chosen, never assumed). */
export const deskCancelSchema = z.object({
	reason: requiredChoice(DESK_CANCEL_REASONS, 'desk_err_cancel_reason')
});

/** The tool's accessories ticked at a hand-over; the server keeps only the tool's own. */
const partsField = z.array(z.string().max(200)).max(50).default([]);

/** The state the tool is in, always said at a hand-over (the page offers the last one known). */
const conditionField = requiredChoice(TOOL_CONDITIONS, 'desk_error_condition');

/** The desk hands a reserved tool over: its state, the parts, the deposit (waived with a reason). */
export const checkOutSchema = z
	.object({
		condition: conditionField,
		parts: partsField,
		deposit: requiredChoice(DEPOSIT_OUTCOMES, 'desk_error_deposit'),
		waiverReason: z.enum(['', ...DEPOSIT_WAIVER_REASONS]).default('')
	})
	.refine((v) => v.deposit !== 'waived' || v.waiverReason !== '', {
		path: ['waiverReason'],
		message: 'desk_error_waiver_reason'
	});
export type CheckOutForm = z.output<typeof checkOutSchema>;

const repairNote = (required?: string) => textField({ max: 1000, required, multiline: true });
/** When a tool is expected back from repair: may stay empty. */
const expectedDate = calendarDate({ message: 'desk_error_date', optional: true }).default('');

/**
 * The desk takes a tool back: its state, the parts that came back, any damage, and whether it
 * goes to repair (then with a note). A photo of the damage comes beside it (photos.ts).
 */
export const checkInSchema = z
	.object({
		condition: conditionField,
		parts: partsField,
		damage: textField({ max: 2000, multiline: true }).default(''),
		after: z.enum(AFTER_CHECK_IN).default('available'),
		repairNote: repairNote().default(''),
		expectedDate
	})
	.refine((v) => v.after !== 'in_repair' || v.repairNote.length > 0, {
		path: ['repairNote'],
		message: 'desk_error_repair_note'
	});
export type CheckInForm = z.output<typeof checkInSchema>;

/** A tool goes to repair from its desk page: what is wrong, and when it may be back. */
export const repairSchema = z.object({
	note: repairNote('desk_error_repair_note'),
	expectedDate
});
export type RepairForm = z.output<typeof repairSchema>;

/** A tool retired for good: a reason from the list, and a ticked confirmation. */
export const retireSchema = z.object({
	reason: z
		.enum(['', ...RETIRE_REASONS])
		.default('')
		.refine((v) => v !== '', 'desk_error_retire_reason'),
	confirm: z.boolean().refine((v) => v, 'desk_error_confirm')
});
export type RetireForm = z.output<typeof retireSchema>;

/** A call about a loan was made: which one, and what came of it (may stay empty). */
export const callDoneSchema = z.object({
	taskId: idField(),
	outcome: textField({ max: 1000, multiline: true }).default('')
});

/** A broker gives a resident the desk role, by their e-mail address. */
export const deskStaffGrantSchema = z.object({
	email: textField({ max: 254, required: 'err_email_invalid' }).refine(
		(v) => v === '' || z.email().safeParse(v).success,
		'err_email_invalid'
	)
});

/** A broker or admin takes the desk role away, after ticking "Yes, … no longer runs the desk". */
export const deskStaffRemoveSchema = z.object({
	userId: z.string().min(1).max(64),
	confirm: z.boolean().refine((v) => v, 'desk_error_confirm_remove')
});

/** The period of the desk's figures (a GET form): an empty box means "this month". */
export const figuresPeriodSchema = z.object({
	from: calendarDate({ message: 'lending_err_date', optional: true }),
	to: calendarDate({ message: 'lending_err_date', optional: true })
});

/** A photo of a tool for the catalogue: the few words that say what it shows (the file beside it). */
export const toolPhotoSchema = z.object({
	altText: textField({
		max: 200,
		required: 'desk_photo_error_alt',
		min: [3, 'desk_photo_error_alt']
	})
});
