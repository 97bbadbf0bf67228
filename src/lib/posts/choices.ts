/**
 * Choices the post form offers; shared by the database schema, the zod schema, the form and the
 * pages. The part of the day is in `$lib/day-parts`, the statuses in `./statuses`.
 */
export const POST_KINDS = ['request', 'offer'] as const;
export type PostKind = (typeof POST_KINDS)[number];
/** In the order the form offers them. */
export const WHEN_TYPES = ['flexible', 'date', 'window', 'recurring'] as const;
export type WhenType = (typeof WHEN_TYPES)[number];
/** 'home' = the author's own place; 'other' = a place named in the post. */
export const PLACE_TYPES = ['home', 'other'] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];
/** "Roughly how long", in minutes: from a quarter of an hour to a whole day. */
export const DURATIONS = [15, 30, 60, 120, 240, 480] as const;
export type Duration = (typeof DURATIONS)[number];
/** Requests ask for one to five helpers: more is a job for a professional service. */
export const MAX_HELPERS = 5;
export const TITLE_MAX = 100;
export const BODY_MAX = 2000;
export const PLACE_LABEL_MAX = 60;
/** The list's filter on when (today, this week, whenever suits), and its two orders. */
export const DATE_FILTERS = ['today', 'week', 'flexible'] as const;
export type DateFilter = (typeof DATE_FILTERS)[number];
export const SORTS = ['relevance', 'newest'] as const;
export type ListSort = (typeof SORTS)[number];
/** Distance bands, in metres, from the viewer's place to a post's approximate point. */
export const BANDS = [500, 1000, 2000] as const;
export type Band = (typeof BANDS)[number] | 'far';
