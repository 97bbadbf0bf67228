import { z } from 'zod';

/** A response or a message: a few words, at most 2000 characters. Messages are message keys. */
export const messageSchema = z.object({
	message: z.string().trim().min(1, 'talk_err_message_required').max(2000, 'talk_err_message_long')
});

/** Why something is reported, or why a match is cancelled. */
export const reasonSchema = z.object({
	reason: z.string().trim().min(3, 'talk_err_reason_required').max(1000, 'err_too_long')
});
