import { z } from 'zod';

/**
 * Building blocks for form schemas: every text, whole number and date a form takes goes through
 * one of these rules. Error messages are message keys (see messages/…/common.json);
 * <FieldError> turns them into the person's language.
 */

/**
 * Characters that show nothing: white space, format characters (zero-width space and joiners,
 * direction marks, soft hyphen, byte-order mark) and the "blank" letters used to fake an empty name.
 */
const INVISIBLE = /[\s\p{Cf}\u034F\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** True when the text has at least one character a reader can see. */
export function hasVisibleText(value: string): boolean {
	return value.replace(INVISIBLE, '') !== '';
}

/** Control characters (NUL, CR, LF, tab, escape, …) and the Unicode line and paragraph separators. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
/** The same, but a line break may stay (after CR LF and CR became LF). */
const CONTROL_BUT_NEWLINE = /[^\P{Cc}\n]|[\u2028\u2029]/u;

interface TextRules {
	/** The most characters, counted after trimming. */
	max: number;
	/** Message key when nothing visible was typed; leave out when the field may stay empty. */
	required?: string;
	/** The fewest characters and its message key, e.g. a reason of at least three letters. */
	min?: readonly [number, string];
	/** Message key when it is longer than `max`. */
	tooLong?: string;
	/** A text area: line breaks are kept (as "\n"); every other control character is refused. */
	multiline?: boolean;
}

/**
 * Text a person types. Trimmed; refused when it holds control characters (a NUL byte, or a line
 * break in a one-line field), when it has only invisible characters, or when it is too long.
 */
export function textField(rules: TextRules) {
	const { max, required, min, tooLong = 'err_too_long', multiline = false } = rules;
	const control = multiline ? CONTROL_BUT_NEWLINE : CONTROL;
	let s = z.string({ error: required ?? 'err_invalid' }).trim();
	if (multiline) s = s.overwrite((v) => v.replace(/\r\n?/g, '\n'));
	// One message per field: each rule passes when an earlier one already failed. (Not `abort`,
	// which would stop the form's own cross-field checks, so a person would see them one by one.)
	const clean = (v: string) => !control.test(v);
	const visible = (v: string) => (v === '' ? !required : hasVisibleText(v));
	return (
		s
			.refine(clean, multiline ? 'err_control_character_multiline' : 'err_control_character')
			// Empty in a required field gets that field's own message; only invisible characters, this one.
			.refine((v) => !clean(v) || visible(v), required ?? 'err_invisible_only')
			.refine(
				(v) => !clean(v) || !visible(v) || !min || v === '' || v.length >= min[0],
				min?.[1] ?? 'err_invalid'
			)
			.max(max, tooLong)
	);
}

export const emailField = textField({ max: 254, required: 'err_email_required' })
	.toLowerCase()
	.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'err_email_invalid');

export const nameField = textField({ max: 80, required: 'err_name_required' });

/** A password being typed to sign in or confirm: only its presence is checked. */
export const currentPasswordField = z
	.string()
	.min(1, 'err_password_required')
	.max(1000, 'err_too_long');

interface WholeNumberRules {
	min: number;
	max: number;
	/** Message key when it is missing or outside min–max (e.g. "choose 1 to 5"). */
	message: string;
	/** Message key when it is a number but not a whole one, such as 1.5. */
	notWhole?: string;
}

/** Digits only, as typed; "1.5", "1e1", "0x10" and "12 apples" are not whole numbers here. */
const WHOLE = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+[.,]\d*|[.,]\d+)$/;

/**
 * A whole number such as a count of helpers. Declared to superforms as a number, not an integer:
 * for an integer it reads the posted text with parseInt, so "1.5" became 1; as a number it reads
 * 1.5 (parseFloat), which is refused here and comes back to the form as typed. (parseFloat does
 * read "1e1" as 10.) Text from other callers must be digits only.
 */
export function wholeNumber(rules: WholeNumberRules) {
	const { min, max, message, notWhole = 'err_whole_number' } = rules;
	return z.preprocess(
		(v) => {
			if (typeof v !== 'string') return v;
			const t = v.trim();
			if (WHOLE.test(t)) return Number(t);
			return DECIMAL.test(t) ? Number(t.replace(',', '.')) : v;
		},
		z
			.number({ error: message })
			.refine(Number.isInteger, notWhole)
			.refine((n) => !Number.isInteger(n) || (n >= min && n <= max), message)
	);
}

/** A row id sent by a form (a chosen category, street, tool): a positive whole number. */
export const idField = (message = 'err_invalid') =>
	wholeNumber({ min: 1, max: Number.MAX_SAFE_INTEGER, message, notWhole: message });

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for "YYYY-MM-DD" when that day exists: 2027-02-28 yes, 2027-02-30 no. */
export function isCalendarDate(value: string): boolean {
	const m = DATE.exec(value);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(y, mo - 1, d));
	return (
		y >= 1900 &&
		date.getUTCFullYear() === y &&
		date.getUTCMonth() === mo - 1 &&
		date.getUTCDate() === d
	);
}

interface DateRules {
	/** Message key when it is not written as a date (or missing when required). */
	message: string;
	/** May stay empty (""). */
	optional?: boolean;
}

/**
 * A day as a date field sends it, "YYYY-MM-DD", that really exists in the calendar: 2027-02-30
 * is refused rather than read as 2 March.
 */
export function calendarDate({ message, optional = false }: DateRules) {
	return z
		.string({ error: message })
		.trim()
		.refine((v) => (v === '' ? optional : DATE.test(v)), message)
		.refine((v) => !DATE.test(v) || isCalendarDate(v), 'err_date_not_real');
}

/** A time of day "HH:MM", 00:00 to 23:59. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * One of a fixed set of answers that the person must pick themselves. A bare z.enum would make
 * superforms fill in the first option when nothing was chosen; this stays empty and says so.
 */
export const requiredChoice = <const T extends readonly [string, ...string[]]>(
	values: T,
	message: string
) =>
	z
		.enum(values, { error: message })
		.optional()
		.refine((v) => v !== undefined, message);

/** The three boxes of a date field (DateField): "whenDate-day", "whenDate-month", "whenDate-year". */
export const DATE_PARTS = ['day', 'month', 'year'] as const;

/** A posted form (FormData) or a GET form's URL (URLSearchParams): both read and set by name. */
type DateParts = { get(name: string): unknown; set(name: string, value: string): void };

/**
 * Joins a date typed in three boxes into the "YYYY-MM-DD" that calendarDate() checks, in the
 * posted form itself, before superValidate reads it. Whatever was typed stays in it (a day "31"
 * in February, a year "27"), so the form comes back as typed with a message; splitDate() undoes it.
 * A form without the boxes (an older page, a script) keeps its own "YYYY-MM-DD". A GET form
 * (figures, reports) passes its URL's search params, so old "?from=YYYY-MM-DD" links still work.
 */
export function joinDateParts<T extends DateParts>(formData: T, ...names: string[]): T {
	for (const name of names) {
		const [d, m, y] = DATE_PARTS.map((p) => formData.get(`${name}-${p}`));
		if (typeof d !== 'string' || typeof m !== 'string' || typeof y !== 'string') continue;
		const [day, month, year] = [d, m, y].map((v) => v.replace(/[\s-]/g, ''));
		const pad = (v: string) => (/^\d$/.test(v) ? `0${v}` : v);
		formData.set(name, day || month || year ? `${year}-${pad(month!)}-${pad(day!)}` : '');
	}
	return formData;
}

/** A "YYYY-MM-DD" (or what joinDateParts() made of what was typed) as its three boxes. */
export function splitDate(value: string | null | undefined): {
	day: string;
	month: string;
	year: string;
} {
	const [year = '', month = '', day = ''] = (value ?? '').split('-');
	const unpad = (v: string) => v.replace(/^0(\d)$/, '$1');
	return { day: unpad(day), month: unpad(month), year };
}
