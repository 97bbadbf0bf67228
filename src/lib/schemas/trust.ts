import { z } from 'zod';
import { BADGE_KINDS } from '$lib/trust/badge-kinds';
import { calendarDate, textField } from './fields';

/** A local date as a date field sends it: "2026-11-26"; empty when not filled in. */
const dateField = calendarDate({ message: 'trust_err_date', optional: true }).default('');

/**
 * The broker's "grant a badge" form. The certificate's date and the training's name and date
 * are separate fields, so the form also works without JavaScript (all fields shown, each group
 * labelled with the badge it belongs to); what each kind needs is checked here, whether a date
 * lies in the future or a certificate has expired by the domain, which knows the time zone.
 */
export const grantSchema = z
	.object({
		kind: z
			.enum(['', ...BADGE_KINDS], { error: 'trust_err_kind' })
			.default('')
			.refine((v) => v !== '', 'trust_err_kind'),
		checkedOn: dateField.refine((v) => v !== '', 'err_required'),
		note: textField({ max: 2000, required: 'err_required', multiline: true }),
		issuedOn: dateField,
		trainingName: textField({ max: 120 }).default(''),
		trainingOn: dateField
	})
	.superRefine((v, ctx) => {
		const need = (field: 'issuedOn' | 'trainingName' | 'trainingOn') => {
			if (!v[field]) ctx.addIssue({ code: 'custom', message: 'err_required', path: [field] });
		};
		if (v.kind === 'good_conduct') need('issuedOn');
		if (v.kind === 'training') {
			need('trainingName');
			need('trainingOn');
		}
	});
export type GrantForm = z.output<typeof grantSchema>;

export const revokeSchema = z.object({
	reason: textField({ max: 1000, required: 'err_required', multiline: true })
});

/** The rules form: one checkbox per category and badge, sent as "categoryId:kind". */
export const badgeRulesSchema = z.object({
	rule: z
		.array(
			z.string().regex(new RegExp(`^[1-9]\\d{0,8}:(${BADGE_KINDS.join('|')})$`), 'err_invalid')
		)
		.max(500)
		.default([])
});
