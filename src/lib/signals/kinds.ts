/**
 * What a volunteer's signal is about, and where the broker is with it; shared by the database
 * schema, the form's validation and the pages (words: `./describe`).
 */
export const SIGNAL_KINDS = ['client', 'service', 'policy'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];
export const SIGNAL_STATUSES = ['received', 'picked_up', 'closed'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

/**
 * Seed 004 §3.4.2: whether the person a signal is about knows and agrees that it is passed on.
 * Without "yes" the broker reads it as a request for anonymous advice: no name, no link to a record.
 */
export const SIGNAL_CONSENTS = ['yes', 'no', 'unknown'] as const;
export type SignalConsent = (typeof SIGNAL_CONSENTS)[number];

/** Themes the quarterly bundle groups service and policy signals by (seed 004 §3.2(2), try-out 8). */
export const SIGNAL_THEMES = [
	'loneliness',
	'care',
	'money',
	'housing',
	'mobility',
	'safety',
	'language',
	'digital',
	'services',
	'other'
] as const;
export type SignalTheme = (typeof SIGNAL_THEMES)[number];
