import { dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';

export const PASSWORD_MIN = 8;
export const PASSWORD_SUGGESTED = 15;
export const PASSWORD_MAX = 128;

let common: Set<string> | null = null;

/** True when the password is on zxcvbn's list of ~49,000 much-used passwords. */
export function isCommonPassword(password: string): boolean {
	common ??= new Set(dictionary['passwords-common'] as string[]);
	return common.has(password.toLowerCase());
}

/**
 * A new password: 8 to 128 characters, no composition rules (NIST SP 800-63B), not a common one.
 * Import it only from server code: the list of common passwords is large.
 */
export const newPasswordField = z
	.string()
	.min(PASSWORD_MIN, 'err_password_short')
	.max(PASSWORD_MAX, 'err_password_long')
	.refine((p) => !isCommonPassword(p), 'err_password_common');
