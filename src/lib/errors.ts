import * as errorMessages from './error-messages';

const messages = errorMessages as unknown as Record<
	string,
	((inputs?: Record<string, unknown>) => string) | undefined
>;

/**
 * Turns a validation message key (e.g. "err_email_invalid") into text in the current language.
 * Keys come from zod schemas and actions; an unknown key falls back to a general message.
 * `inputs` fills a message's placeholders, e.g. the next free date of a booked tool.
 */
export function translateError(key: string, inputs?: Record<string, unknown>): string {
	return (messages[key] ?? messages.err_invalid)?.(inputs) ?? key;
}
