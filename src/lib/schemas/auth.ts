import { z } from 'zod';
import { newPasswordField } from '$lib/auth/new-password';
import { currentPasswordField, emailField, nameField } from './fields';

export const signUpSchema = z.object({
	displayName: nameField,
	email: emailField,
	password: newPasswordField
});

export const signInSchema = z.object({
	email: emailField,
	password: currentPasswordField
});
