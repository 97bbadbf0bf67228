import { z } from 'zod';

/** The number a person wants to confirm, as they write it; the server makes it E.164. */
export const phoneCodeRequestSchema = z.object({
	phone: z.string().trim().min(1, 'sms_err_phone_invalid').max(30, 'err_too_long')
});

/** The six digits from the SMS; a space in the middle (as some phones show it) is fine. */
export const phoneCodeConfirmSchema = z.object({
	code: z
		.string()
		.trim()
		.regex(/^\d{3} ?\d{3}$/, 'sms_err_code_format')
});

/** "Switch SMS on again" has no fields; a schema still gives it superforms' status message. */
export const smsResumeSchema = z.object({});
