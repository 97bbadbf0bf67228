import { z } from 'zod';

/**
 * Building blocks for form schemas. Error messages are message keys (see messages/…/common.json);
 * <FieldError> turns them into the person's language.
 */
export const emailField = z
	.string()
	.trim()
	.toLowerCase()
	.min(1, 'err_required')
	.max(254, 'err_too_long')
	.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'err_email_invalid');

export const nameField = z.string().trim().min(1, 'err_name_required').max(80, 'err_too_long');

/** A password being typed to sign in or confirm: only its presence is checked. */
export const currentPasswordField = z.string().min(1, 'err_required').max(1000, 'err_too_long');

/**
 * One of a fixed set of answers that the person must pick themselves. A bare z.enum would make
 * superforms fill in the first option when nothing was chosen; this stays empty and says so.
 */
export const requiredChoice = <const T extends readonly [string, ...string[]]>(
	values: T,
	message: string
) =>
	z
		.enum(values, { error: message })
		.optional()
		.refine((v) => v !== undefined, message);
