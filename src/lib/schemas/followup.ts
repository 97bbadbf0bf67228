import { z } from 'zod';
import { FOLLOW_UP_CONTINUATIONS, FOLLOW_UP_OUTCOMES } from '$lib/followup';
import { requiredChoice, textField } from './fields';

/** "How did it go?" and "Will you continue?" with an optional comment. Messages are message keys. */
export const followUpAnswerSchema = z.object({
	outcome: requiredChoice(FOLLOW_UP_OUTCOMES, 'followup_err_outcome'),
	continuation: requiredChoice(FOLLOW_UP_CONTINUATIONS, 'followup_err_continuation'),
	comment: textField({ max: 1000, multiline: true }).default('')
});

/** A valid answer: both questions answered. */
export type FollowUpAnswer = {
	[K in keyof z.infer<typeof followUpAnswerSchema>]-?: NonNullable<
		z.infer<typeof followUpAnswerSchema>[K]
	>;
};
