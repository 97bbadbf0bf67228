import { z } from 'zod';
import { textField } from './fields';

/** A response or a message: a few words, at most 2000 characters. Messages are message keys. */
export const messageSchema = z.object({
	message: textField({
		max: 2000,
		required: 'talk_err_message_required',
		tooLong: 'talk_err_message_long',
		multiline: true
	})
});

/** Why something is reported, or why a match is cancelled. */
export const reasonSchema = z.object({
	reason: textField({
		max: 1000,
		required: 'talk_err_reason_required',
		min: [3, 'talk_err_reason_required'],
		multiline: true
	})
});
