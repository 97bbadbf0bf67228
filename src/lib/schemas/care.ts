import { z } from 'zod';
import { calendarDate, textField } from './fields';

/** The longest question a helper may send the neighbourhood worker. */
export const ASK_MAX = 2000;

/** A helper's question to the neighbourhood worker, optionally about one of their matches. */
export const helpAskSchema = z.object({
	body: textField({ max: ASK_MAX, required: 'care_err_ask_required', multiline: true }),
	/** '' when it is not about one match. */
	matchId: z.string().trim().regex(/^\d*$/, 'err_invalid').max(12, 'err_invalid').default('')
});

/** The day the broker plans a check-in with a volunteer. */
export const checkInSchema = z.object({
	checkInOn: calendarDate({ message: 'care_err_date' })
});

/** A check-in's outcome: required, as it becomes the confidential note. */
export const checkInOutcome = textField({
	max: 1000,
	required: 'care_err_outcome_required',
	multiline: true
});
