import { z } from 'zod';
import { isLanguageCode } from '$lib/profile/languages';
import { isLocale } from '$lib/paraglide/runtime.js';
import { emailField, idField, textField, wholeNumber } from './fields';
import { SIGNAL_CONSENTS, SIGNAL_KINDS } from '$lib/signals/kinds';
import { CONTACT_WAYS } from '$lib/intake/contact';

export const intakeSchema = z.object({
	displayName: textField({ max: 80, required: 'intake_err_name' }),
	phone: textField({ max: 30, required: 'intake_err_phone' }),
	streetId: idField('intake_err_street').nullable(),
	houseNumber: textField({ max: 12, required: 'intake_err_house' }),
	// Ticked from the list of languages the profile offers (not typed codes).
	languages: z.array(z.string()).refine((a) => a.every(isLanguageCode), 'intake_err_language'),
	contactBy: z.enum(CONTACT_WAYS, { error: 'err_required' }).default('phone'),
	// The language of their mail, SMS and letters; empty: the first site language they speak.
	locale: z
		.string()
		.default('')
		.refine((v) => v === '' || isLocale(v), 'intake_err_locale'),
	consent: z.boolean().refine((v) => v, 'intake_err_consent'),
	// Optional, only for the reach monitor's share of people over 75 (issue 21 §5).
	birthYear: wholeNumber({
		min: 1900,
		max: new Date().getUTCFullYear(),
		message: 'reach_err_birth_year'
	})
		.nullable()
		.default(null)
});
export type IntakeForm = z.infer<typeof intakeSchema>;

/**
 * What the broker typed in the person search, carried into the intake form when nobody was found,
 * so a caller's name (or number) is not typed twice with the caller on the line: a phone number
 * when it is only digits and separators, a name when it has no digits and is not an e-mail address.
 * Anything else (a street with a number, an address) is left out; the intake page itself turns
 * a "name" that is one of its streets into that street.
 */
export function intakePrefill(query: string): Partial<Pick<IntakeForm, 'displayName' | 'phone'>> {
	const q = query.trim().replace(/\s+/g, ' ');
	if (/^\+?[\d\s/.()-]+$/.test(q) && q.replace(/\D/g, '').length >= 6)
		return { phone: q.slice(0, 30) };
	if (q && !/\d/.test(q) && !q.includes('@')) return { displayName: q.slice(0, 80) };
	return {};
}

export const proxySchema = z.object({
	email: emailField,
	consent: z.boolean().refine((v) => v, 'intake_err_consent')
});

export const referSchema = z.object({
	serviceId: idField('intake_err_service').nullable(),
	note: textField({ max: 500, multiline: true })
});

/**
 * A signal: first whether someone is in danger now (the page then shows whom to call), then what
 * it is about; for a person, whether they know and agree that it is passed on (seed 004 §3.4.2).
 */
export const signalSchema = z
	.object({
		urgent: z.enum(['no', 'yes'], { error: 'err_required' }).default('no'),
		kind: z.enum(SIGNAL_KINDS, { error: 'err_required' }).default('client'),
		consent: z.enum(SIGNAL_CONSENTS, { error: 'signalcycle_err_consent' }).optional(),
		about: textField({ max: 120 }),
		body: textField({ max: 2000, required: 'intake_err_signal_body', multiline: true })
	})
	.superRefine((v, ctx) => {
		if (v.kind === 'client' && !v.consent)
			ctx.addIssue({ code: 'custom', path: ['consent'], message: 'signalcycle_err_consent' });
	});
export type SignalForm = z.infer<typeof signalSchema>;

/** What fileSignal takes from the form. */
export const signalInput = (f: SignalForm) => ({
	kind: f.kind,
	about: f.about,
	body: f.body,
	consent: f.consent,
	urgent: f.urgent === 'yes'
});

/** A broker writes down a signal a volunteer gave on the phone: the same form, and who it was. */
export const phoneSignalSchema = z
	.object({
		volunteerId: z.string().min(1, 'signalcycle_err_volunteer').max(64),
		urgent: z.enum(['no', 'yes'], { error: 'err_required' }).default('no'),
		kind: z.enum(SIGNAL_KINDS, { error: 'err_required' }).default('client'),
		consent: z.enum(SIGNAL_CONSENTS, { error: 'signalcycle_err_consent' }).optional(),
		about: textField({ max: 120 }),
		body: textField({ max: 2000, required: 'intake_err_signal_body', multiline: true })
	})
	.superRefine((v, ctx) => {
		if (v.kind === 'client' && !v.consent)
			ctx.addIssue({ code: 'custom', path: ['consent'], message: 'signalcycle_err_consent' });
	});

export const signalReplySchema = z.object({
	body: textField({ max: 1000, required: 'signalcycle_err_reply_empty', multiline: true })
});

export const closeSignalSchema = z.object({
	note: textField({ max: 1000, required: 'err_required', multiline: true })
});

export const serviceSchema = z.object({
	name: textField({ max: 120, required: 'err_required' }),
	description: textField({ max: 500 }),
	kind: textField({ max: 30 }),
	phone: textField({ max: 30 }),
	address: textField({ max: 200 }),
	website: textField({ max: 200 }),
	hours: textField({ max: 300 })
});

/** A broker's confidential note on a resident. */
export const residentNoteSchema = z.object({
	body: textField({
		max: 2000,
		required: 'broker_err_note',
		min: [3, 'broker_err_note'],
		multiline: true
	})
});

/** The language of a person's messages, set by their broker (the reach page). */
export const messageLanguageSchema = z.object({
	locale: z.string().refine((v) => isLocale(v), 'intake_err_locale')
});
