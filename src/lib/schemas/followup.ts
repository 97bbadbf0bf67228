import { z } from 'zod';
import {
	FOLLOW_UP_CONTINUATIONS,
	FOLLOW_UP_OUTCOMES,
	NO_CONTINUATION,
	type FollowUpContinuation,
	type FollowUpOutcome
} from '$lib/followup';
import { numberText } from '$lib/intl';
import { textField } from './fields';

/** The most hours one answer may name: more than a day is a typing mistake, not a visit. */
export const MAX_HOURS = 24;
/** Hours are kept to the nearest quarter of an hour: precise enough for the funder's count. */
const QUARTER = 15;
const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * "How long did it take?" as typed: hours with a comma or a point ("1,5", "0.25"), or hours and
 * minutes ("1:30", "1u30", "1h30"); Arabic digits too. Rounded to the nearest quarter of an hour
 * (at least one quarter). Null when left empty; 'invalid' or 'too_many' when it cannot be used.
 */
export function parseHours(typed: string): number | null | 'invalid' | 'too_many' {
	const t = typed
		.trim()
		.replace(ARABIC_DIGITS, (d) => String(d.charCodeAt(0) & 0xf))
		.replace(/\u066B/g, ',');
	if (t === '') return null;
	let hours: number;
	const clock = /^(\d{1,2})\s*[:uh]\s*(\d{1,2})$/i.exec(t);
	if (clock) {
		const minutes = Number(clock[2]);
		if (minutes >= 60) return 'invalid';
		hours = Number(clock[1]) + minutes / 60;
	} else if (/^(\d{1,3}([.,]\d{0,2})?|[.,]\d{1,2})$/.test(t)) hours = Number(t.replace(',', '.'));
	else return 'invalid';
	if (hours <= 0) return 'invalid';
	if (hours > MAX_HOURS) return 'too_many';
	return Math.max(QUARTER, Math.round((hours * 60) / QUARTER) * QUARTER);
}

/** Minutes as the hours field shows them ("1,5" in Dutch, "1.5" in English). */
export function hoursText(minutes: number, locale: string): string {
	return numberText(minutes / 60, locale, { maximumFractionDigits: 2, useGrouping: false });
}

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
		comment: textField({ max: 1000, multiline: true }).default(''),
		// Asked of the helper only; the other side's form has no such field and sends nothing.
		hours: z
			.string()
			.max(20, 'hours_err_invalid')
			.default('')
			.refine((v) => parseHours(v) !== 'invalid', 'hours_err_invalid')
			.refine((v) => parseHours(v) !== 'too_many', 'hours_err_too_many')
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
	/** The helper's "how long did it take?", in minutes; null or left out when not said. */
	minutes?: number | null;
}

/** The checked form data as the answer to store (no continuation where it was not asked). */
export function toFollowUpAnswer(data: z.infer<typeof followUpAnswerSchema>): FollowUpAnswer {
	const outcome = data.outcome!;
	const minutes = parseHours(data.hours);
	return {
		outcome,
		continuation: NO_CONTINUATION.includes(outcome) ? null : (data.continuation ?? null),
		comment: data.comment,
		minutes: typeof minutes === 'number' ? minutes : null
	};
}
