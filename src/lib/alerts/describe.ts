import { m } from '$lib/paraglide/messages.js';
import type { AlertRhythm } from '$lib/notify/channels';
import type { AlertDistance } from './choices';

/** How often, in words, as the form offers it. */
export const RHYTHM_NAMES: Record<AlertRhythm, () => string> = {
	at_once: m.alerts_rhythm_at_once,
	daily: m.alerts_rhythm_daily,
	weekly: m.alerts_rhythm_weekly,
	never: m.alerts_rhythm_never
};

/** What the person will get, said after saving. */
export const SAVED_TEXTS: Record<AlertRhythm, () => string> = {
	at_once: m.alerts_saved_at_once,
	daily: m.alerts_saved_daily,
	weekly: m.alerts_saved_weekly,
	never: m.alerts_saved_never
};

/** How far, in words. */
export const DISTANCE_NAMES: Record<`${AlertDistance}`, () => string> = {
	'500': m.alerts_distance_500,
	'1000': m.alerts_distance_1000,
	'2000': m.alerts_distance_2000,
	'5000': m.alerts_distance_5000
};
