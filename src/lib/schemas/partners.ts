import { z } from 'zod';
import { locales } from '$lib/paraglide/runtime.js';
import { PARTNER_CONTACT_WAYS } from '$lib/backoffice/lists';
import { emailField, idField, textField } from './fields';

/** The languages a partner can choose for the resident: the site's, or another one. */
export const REFERRAL_LANGUAGES = [...locales, 'other'] as const;

/** A partner's referral of a resident; the resident's consent is required (seed 004 §3.4.2). */
export const partnerReferSchema = z.object({
	serviceId: idField('partners_err_service'),
	name: textField({ max: 80, required: 'partners_err_name' }),
	phone: textField({ max: 30 }).refine(
		(v) => v === '' || /^[\d\s+/.()-]{6,30}$/.test(v),
		'partners_err_phone'
	),
	need: textField({ max: 1000, required: 'partners_err_need', multiline: true }),
	language: z.enum(REFERRAL_LANGUAGES, { error: 'err_required' }).default('nl'),
	contactWay: z.enum(PARTNER_CONTACT_WAYS, { error: 'err_required' }).default('phone'),
	consent: z.boolean().refine((v) => v, 'partners_err_consent'),
	submissionKey: z.string().min(16, 'err_invalid').max(64, 'err_invalid')
});

/** A broker gives a partner account to someone of a service on the social map. */
export const partnerGrantSchema = z.object({
	serviceId: idField('partners_err_service'),
	email: emailField
});
