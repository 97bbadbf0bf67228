import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import type { Band, Duration, PostKind } from './choices';
import type { PostStatus } from './statuses';
import type { DayPart } from '$lib/day-parts';
import { dateText, weekdayName } from '$lib/dates';

/** A message function: Paraglide's, which takes the language as an option (mail, print card). */
type Words = (i?: object, o?: { locale?: Locale }) => string;
const inLocale = (locale?: Locale) => (locale ? { locale } : undefined);

const PART_NAMES: Record<DayPart, Words> = {
	morning: m.post_part_morning,
	afternoon: m.post_part_afternoon,
	evening: m.post_part_evening
};

/** A part of the day in the current language, or the one given. */
export const partName = (part: DayPart, locale?: Locale) => PART_NAMES[part]({}, inLocale(locale));

/** When a post happens, in words, in the current language or the one given (the print card). */
export function whenText(
	p: {
		whenType: string;
		whenDate: string | null;
		whenFrom: string | null;
		whenTo: string | null;
		recurringDay: number | null;
		recurringPart: DayPart | null;
	},
	locale?: Locale
): string {
	const o = inLocale(locale);
	if (p.whenType === 'date' && p.whenDate) return dateText(p.whenDate, locale);
	if (p.whenType === 'window' && p.whenDate)
		return `${dateText(p.whenDate, locale)}, ${m.time_range({ from: p.whenFrom ?? '', to: p.whenTo ?? '' }, o)}`;
	if (p.whenType === 'recurring' && p.recurringDay && p.recurringPart)
		return m.post_when_every(
			{ day: weekdayName(p.recurringDay, locale), part: partName(p.recurringPart, locale) },
			o
		);
	return m.post_when_flexible({}, o);
}

// Looked up by any number of minutes, but every choice the form offers has its words.
const DURATION_NAMES: Partial<Record<number, () => string>> = {
	15: m.post_duration_15,
	30: m.post_duration_30,
	60: m.post_duration_60,
	120: m.post_duration_120,
	240: m.post_duration_240,
	480: m.post_duration_480
} satisfies Record<Duration, () => string>;
/** "roughly how long" in words. */
export const durationText = (minutes: number | null) =>
	minutes === null ? m.post_duration_none() : (DURATION_NAMES[minutes]?.() ?? `${minutes} min`);

const BAND_NAMES: Record<`${Band}`, Words> = {
	'500': m.post_band_lt500,
	'1000': m.post_band_lt1000,
	'2000': m.post_band_lt2000,
	far: m.post_band_far
};
/** A distance band in words ("less than 500 m"), in the page's language or the one given (mail). */
export const bandText = (band: Band, locale?: Locale) =>
	BAND_NAMES[`${band}`]({}, inLocale(locale));

const KIND_NAMES: Record<PostKind, Words> = {
	request: m.post_kind_request_short,
	offer: m.post_kind_offer_short
};
/** The kind as a word, in the current language or the one given. */
export const kindText = (kind: PostKind, locale?: Locale) => KIND_NAMES[kind]({}, inLocale(locale));

const STATUS_NAMES: Record<PostStatus, () => string> = {
	draft: m.post_status_draft,
	pending: m.post_status_pending,
	open: m.post_status_open,
	filled: m.post_status_filled,
	paused: m.post_status_paused,
	closed: m.post_status_closed,
	expired: m.post_status_expired,
	rejected: m.post_status_rejected,
	hidden: m.post_status_hidden
};
/** A post's status in words. */
export const statusText = (status: PostStatus) => STATUS_NAMES[status]();
