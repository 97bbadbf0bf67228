import { z } from 'zod';

export const CONTACT_WAYS = ['phone', 'visit', 'letter'] as const;

export const intakeSchema = z.object({
	displayName: z.string().trim().min(1, 'err_required').max(80, 'err_too_long'),
	phone: z.string().trim().min(1, 'err_required').max(30, 'err_too_long'),
	streetId: z.int({ error: 'intake_err_street' }).positive('intake_err_street').nullable(),
	houseNumber: z.string().trim().min(1, 'err_required').max(12, 'err_too_long'),
	languages: z.string().trim().max(60, 'err_too_long'),
	contactBy: z.enum(CONTACT_WAYS, { error: 'err_required' }).default('phone'),
	consent: z.boolean().refine((v) => v, 'intake_err_consent')
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
	email: z.email('err_invalid').trim().toLowerCase(),
	consent: z.boolean().refine((v) => v, 'intake_err_consent')
});

export const referSchema = z.object({
	serviceId: z.int({ error: 'intake_err_service' }).positive('intake_err_service').nullable(),
	note: z.string().trim().max(500, 'err_too_long')
});

export const SIGNAL_KINDS = ['client', 'service', 'policy'] as const;
export const signalSchema = z.object({
	kind: z.enum(SIGNAL_KINDS, { error: 'err_required' }).default('client'),
	about: z.string().trim().max(120, 'err_too_long'),
	body: z.string().trim().min(1, 'err_required').max(2000, 'err_too_long')
});

export const closeSignalSchema = z.object({
	note: z.string().trim().min(1, 'err_required').max(1000, 'err_too_long')
});

export const serviceSchema = z.object({
	name: z.string().trim().min(1, 'err_required').max(120, 'err_too_long'),
	description: z.string().trim().max(500, 'err_too_long'),
	kind: z.string().trim().max(30, 'err_too_long'),
	phone: z.string().trim().max(30, 'err_too_long'),
	address: z.string().trim().max(200, 'err_too_long'),
	website: z.string().trim().max(200, 'err_too_long'),
	hours: z.string().trim().max(300, 'err_too_long')
});

/** A broker's confidential note on a resident. */
export const residentNoteSchema = z.object({
	body: z.string().trim().min(3, 'broker_err_note').max(2000, 'err_too_long')
});
