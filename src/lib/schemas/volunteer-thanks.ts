import { z } from 'zod';
import { STOP_REASONS } from '$lib/volunteers/lists';
import { requiredChoice, textField } from './fields';

/** A broker's personal thank-you: short, as it may go out as an SMS. */
export const thanksSchema = z.object({
	message: textField({ max: 500, required: 'hours_thanks_err_required', multiline: true })
});

/** A volunteer stops: why (a fixed list) and the broker's optional, confidential note. */
export const goodbyeSchema = z.object({
	reason: requiredChoice(STOP_REASONS, 'hours_goodbye_err_reason'),
	note: textField({ max: 2000, multiline: true }).default('')
});
