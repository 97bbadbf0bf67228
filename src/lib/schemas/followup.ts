import { z } from 'zod';
import {
	FOLLOW_UP_CONTINUATIONS,
	FOLLOW_UP_OUTCOMES,
	NO_CONTINUATION,
	type FollowUpContinuation,
	type FollowUpOutcome
} from '$lib/followup';
import { textField } from './fields';

/**
 * "How did it go?" and, unless the answer makes it moot, "Will you continue?", with an optional
 * comment. Messages are message keys.
 */
export const followUpAnswerSchema = z
	.object({
		outcome: z.enum(FOLLOW_UP_OUTCOMES, { error: 'followup_err_outcome' }).optional(),
		continuation: z
			.enum(FOLLOW_UP_CONTINUATIONS, { error: 'followup_err_continuation' })
			.optional(),
		comment: textField({ max: 1000, multiline: true }).default('')
	})
	.superRefine((v, ctx) => {
		if (v.outcome === undefined)
			ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'followup_err_outcome' });
		else if (v.continuation === undefined && !NO_CONTINUATION.includes(v.outcome))
			ctx.addIssue({
				code: 'custom',
				path: ['continuation'],
				message: 'followup_err_continuation'
			});
	});

/** A valid answer: how it went, and whether they continue when that was asked. */
export interface FollowUpAnswer {
	outcome: FollowUpOutcome;
	continuation: FollowUpContinuation | null;
	comment: string;
}

/** The checked form data as the answer to store (no continuation where it was not asked). */
export function toFollowUpAnswer(data: z.infer<typeof followUpAnswerSchema>): FollowUpAnswer {
	const outcome = data.outcome!;
	return {
		outcome,
		continuation: NO_CONTINUATION.includes(outcome) ? null : (data.continuation ?? null),
		comment: data.comment
	};
}
