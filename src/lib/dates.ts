import { m } from '$lib/paraglide/messages.js';

const WEEKDAYS = [
	m.weekday_1,
	m.weekday_2,
	m.weekday_3,
	m.weekday_4,
	m.weekday_5,
	m.weekday_6,
	m.weekday_7
];

/** The name of a weekday (Monday = 1 … Sunday = 7) in the current language. */
export const weekdayName = (day: number): string => WEEKDAYS[day - 1]?.() ?? '';
