import { m } from '$lib/paraglide/messages.js';

const messages = m as unknown as Record<
	string,
	((inputs?: Record<string, unknown>) => string) | undefined
>;

/**
 * Turns a validation message key (e.g. "err_email_invalid") into text in the current language.
 * Keys come from zod schemas and actions; an unknown key falls back to a general message.
 */
export function translateError(key: string): string {
	return (messages[key] ?? messages.err_invalid)?.() ?? key;
}
