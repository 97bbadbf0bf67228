import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import type { StopReason } from './lists';

type Words = (inputs?: object, options?: { locale?: Locale }) => string;

/** Why a volunteer stopped, in words: the goodbye form, its history and the badge's reason. */
export const STOP_REASON_WORDS: Record<StopReason, Words> = {
	moved: m.hours_reason_moved,
	no_time: m.hours_reason_no_time,
	health: m.hours_reason_health,
	other_work: m.hours_reason_other_work,
	not_a_fit: m.hours_reason_not_a_fit,
	other: m.hours_reason_other
};
