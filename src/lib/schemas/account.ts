import { z } from 'zod';
import { newPasswordField } from '$lib/auth/new-password';
import { currentPasswordField, emailField } from './fields';

/** "Forgot your password": only the address. */
export const resetRequestSchema = z.object({ email: emailField });

/** The form behind the link in the reset mail. */
export const resetPasswordSchema = z.object({ password: newPasswordField });

/** The new address, with the password typed again. */
export const changeEmailSchema = z.object({ email: emailField, password: currentPasswordField });

export const changePasswordSchema = z.object({
	currentPassword: currentPasswordField,
	newPassword: newPasswordField
});

/** "Send the e-mail again" has no fields; a schema still gives it superforms' status message. */
export const resendVerificationSchema = z.object({});

export const deleteAccountSchema = z.object({
	password: currentPasswordField,
	confirm: z.boolean().refine((v) => v, 'account_err_confirm_delete')
});
