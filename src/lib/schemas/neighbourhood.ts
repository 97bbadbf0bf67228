import { z } from 'zod';
import { MODERATION_POLICIES } from '../moderation';
import { NEIGHBOURHOOD_DEFAULTS } from '../neighbourhood-defaults';
import { emailField, requiredChoice, textField, TIME_OF_DAY, wholeNumber } from './fields';

/**
 * Forms for neighbourhoods, their brokers and their streets. Error messages are message keys.
 * Coordinates are typed as text: people in Belgium and the Netherlands write "51,03", which a
 * number parser would silently read as 51.
 */

const TIME = TIME_OF_DAY;

/** A latitude or longitude as typed: "51.0336" or "51,0336"; null when it is not a number. */
export function parseCoordinate(text: string): number | null {
	const t = text.trim().replace(/^(-?\d+),(\d+)$/, '$1.$2');
	if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
	return Number(t);
}

/** True for an IANA time zone the runtime knows, such as "Europe/Amsterdam". */
export function isTimeZone(value: string): boolean {
	if (!value) return false;
	try {
		new Intl.DateTimeFormat('en', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}

const coordinate = (range: number, key: string) =>
	z
		.string()
		.trim()
		.max(30, key)
		.refine((v) => {
			if (v === '') return true;
			const n = parseCoordinate(v);
			return n !== null && Math.abs(n) <= range;
		}, key)
		.default('');

export const neighbourhoodSchema = z
	.object({
		name: textField({ max: 100, required: 'admin_err_name_required' }),
		/** Empty: made from the name. */
		slug: z
			.string()
			.trim()
			.toLowerCase()
			.max(60, 'err_too_long')
			.regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, 'admin_err_slug_format')
			.default(''),
		/** GeoJSON text; its shape is checked by the domain with parseBoundary. */
		boundary: z
			.string()
			.trim()
			.min(1, 'admin_err_boundary_required')
			.max(400_000, 'admin_err_boundary_too_big'),
		/** Both empty: the middle of the boundary. */
		centreLat: coordinate(90, 'admin_err_lat'),
		centreLon: coordinate(180, 'admin_err_lon'),
		timeZone: z
			.string()
			.trim()
			.refine(isTimeZone, 'admin_err_time_zone')
			.default(NEIGHBOURHOOD_DEFAULTS.timeZone),
		phoneDutyNumber: z
			.string()
			.trim()
			.max(40, 'err_too_long')
			.regex(/^[0-9+()./ -]*$/, 'admin_err_phone')
			.default(''),
		/** Phone-duty rows as parallel lists, so the form works without JavaScript. */
		dutyDay: z.array(z.string().trim().max(2)).max(21).default([]),
		dutyFrom: z.array(z.string().trim().max(5)).max(21).default([]),
		dutyTo: z.array(z.string().trim().max(5)).max(21).default([]),
		followUpDelayDays: wholeNumber({ min: 1, max: 90, message: 'admin_err_delay' }).default(
			NEIGHBOURHOOD_DEFAULTS.followUpDelayDays
		),
		/** Years a certificate of good conduct counts from its issue date. */
		certificateValidityYears: wholeNumber({ min: 1, max: 10, message: 'trust_err_years' }).default(
			NEIGHBOURHOOD_DEFAULTS.certificateValidityYears
		),
		requestExpiryDays: wholeNumber({ min: 7, max: 365, message: 'admin_err_expiry' }).default(
			NEIGHBOURHOOD_DEFAULTS.requestExpiryDays
		)
	})
	.superRefine((v, ctx) => {
		if ((v.centreLat === '') !== (v.centreLon === ''))
			ctx.addIssue({
				code: 'custom',
				message: 'admin_err_centre_both',
				path: [v.centreLat === '' ? 'centreLat' : 'centreLon']
			});
		const rows = Math.max(v.dutyDay.length, v.dutyFrom.length, v.dutyTo.length);
		for (let i = 0; i < rows; i++) {
			const day = v.dutyDay[i] ?? '';
			const from = v.dutyFrom[i] ?? '';
			const to = v.dutyTo[i] ?? '';
			if (!day && !from && !to) continue; // an empty row is simply not used
			if (!/^[1-7]$/.test(day))
				ctx.addIssue({ code: 'custom', message: 'admin_err_duty_day', path: ['dutyDay', i] });
			if (!TIME.test(from))
				ctx.addIssue({ code: 'custom', message: 'admin_err_duty_time', path: ['dutyFrom', i] });
			if (!TIME.test(to))
				ctx.addIssue({ code: 'custom', message: 'admin_err_duty_time', path: ['dutyTo', i] });
			else if (TIME.test(from) && from >= to)
				ctx.addIssue({ code: 'custom', message: 'admin_err_duty_order', path: ['dutyTo', i] });
		}
	});

export type NeighbourhoodForm = z.output<typeof neighbourhoodSchema>;

/** The filled-in phone-duty rows of a valid form, sorted by day and time. */
export function toDutySlots(v: Pick<NeighbourhoodForm, 'dutyDay' | 'dutyFrom' | 'dutyTo'>) {
	const slots: { day: number; from: string; to: string }[] = [];
	v.dutyDay.forEach((day, i) => {
		if (day) slots.push({ day: Number(day), from: v.dutyFrom[i] ?? '', to: v.dutyTo[i] ?? '' });
	});
	return slots.sort((a, b) => a.day - b.day || a.from.localeCompare(b.from));
}

export const assignBrokerSchema = z.object({ email: emailField });

export const removeBrokerSchema = z.object({ userId: z.string().min(1).max(64) });

export const streetSchema = z
	.object({
		name: textField({ max: 100, required: 'admin_err_street_name' }),
		lat: coordinate(90, 'admin_err_lat'),
		lon: coordinate(180, 'admin_err_lon')
	})
	.superRefine((v, ctx) => {
		if (v.lat === '')
			ctx.addIssue({ code: 'custom', message: 'admin_err_point_required', path: ['lat'] });
		if (v.lon === '')
			ctx.addIssue({ code: 'custom', message: 'admin_err_point_required', path: ['lon'] });
	});

export type StreetForm = z.output<typeof streetSchema>;

/** Larger files are rare for one neighbourhood's streets and would hold the server up. */
export const MAX_IMPORT_BYTES = 400_000;

export const streetImportSchema = z
	.object({
		file: z
			.instanceof(File, { message: 'err_invalid' })
			.refine((f) => f.size <= MAX_IMPORT_BYTES, 'admin_import_err_too_big')
			.optional(),
		text: z.string().max(MAX_IMPORT_BYTES, 'admin_import_err_too_big').default('')
	})
	.superRefine((v, ctx) => {
		if (!v.file && !v.text.trim())
			ctx.addIssue({ code: 'custom', message: 'admin_import_err_empty', path: ['text'] });
	});

/** How the brokers of a neighbourhood work: whose posts they check, and when a request counts as unanswered. */
export const brokerSettingsSchema = z.object({
	moderation: requiredChoice(MODERATION_POLICIES, 'broker_settings_err_moderation'),
	noResponseDays: wholeNumber({ min: 1, max: 30, message: 'broker_settings_err_days' }).default(
		NEIGHBOURHOOD_DEFAULTS.noResponseDays
	),
	/** Running matches per helper from which suggestions say "busy" (volunteers/care.ts isBusy). */
	helperMatchLimit: wholeNumber({ min: 1, max: 20, message: 'care_err_limit' }).default(
		NEIGHBOURHOOD_DEFAULTS.helperMatchLimit
	),
	/** Weeks without a broker's contact before Today names a helper. */
	volunteerContactWeeks: wholeNumber({ min: 1, max: 52, message: 'care_err_weeks' }).default(
		NEIGHBOURHOOD_DEFAULTS.volunteerContactWeeks
	),
	/** Days after a referral before the resident is asked whether it helped. */
	referralCheckDays: wholeNumber({ min: 1, max: 90, message: 'refcheck_err_days' }).default(
		NEIGHBOURHOOD_DEFAULTS.referralCheckDays
	)
});
