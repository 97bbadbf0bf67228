/** Choices the post form offers; shared by the schema, the form and the pages. */
export const KINDS = ['request', 'offer'] as const;
export type Kind = (typeof KINDS)[number];
export const WHEN_KINDS = ['flexible', 'date', 'window', 'recurring'] as const;
export type WhenKind = (typeof WHEN_KINDS)[number];
export const PARTS = ['morning', 'afternoon', 'evening'] as const;
export type Part = (typeof PARTS)[number];
/** "Roughly how long", in minutes: from a quarter of an hour to a whole day. */
export const DURATIONS = [15, 30, 60, 120, 240, 480] as const;
/** Requests ask for one to five helpers: more is a job for a professional service. */
export const MAX_HELPERS = 5;
export const TITLE_MAX = 100;
export const BODY_MAX = 2000;
export const PLACE_LABEL_MAX = 60;
/** Distance bands, in metres, from the viewer's place to a post's approximate point. */
export const BANDS = [500, 1000, 2000] as const;
export type Band = (typeof BANDS)[number] | 'far';

/** Statuses from which the poster may close a post (a rejected one: to withdraw it). */
export const CLOSABLE = [
	'draft',
	'pending',
	'rejected',
	'open',
	'filled',
	'paused',
	'expired'
] as const;
/** Statuses from which the poster may bring a post back. */
export const REOPENABLE = ['paused', 'closed', 'expired'] as const;
