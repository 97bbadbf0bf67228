import { localInstant } from '../calendar';

/** Durations for moving a test's "now"; a day here is 24 hours, not a local calendar day. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The time zone of the test neighbourhoods and of the demo. */
export const BRUSSELS = 'Europe/Brussels';

/** The instant of a wall-clock time on a local day in Brussels, summer time included. */
export const brussels = (date: string, time = '10:00'): number =>
	localInstant(date, time, BRUSSELS);
