/**
 * The trust badges a broker grants after a check, in the order they are shown; shared by the
 * database schema, the forms' validation and the pages (words: `./badges`).
 */
export const BADGE_KINDS = [
	'met_in_person',
	'references',
	'good_conduct',
	'training',
	'phone_verified'
] as const;
export type BadgeKind = (typeof BADGE_KINDS)[number];
