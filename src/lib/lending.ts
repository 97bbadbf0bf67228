/** For the desk's pages until they import it from `$lib/dates` (the one home of date words). */
export { longDate } from '$lib/dates';

/**
 * The largest photo the desk can upload, in MB: an ordinary phone photo is 3–8 MB. Photos are
 * resized to small WebP copies, so this bounds only the upload. BODY_SIZE_LIMIT must be larger.
 */
export const PHOTO_MAX_MB = 12;
export const PHOTO_MAX_BYTES = PHOTO_MAX_MB * 1024 * 1024;

/**
 * Why the desk cancels a reservation: a resident phoned, or the tool cannot be lent on those days.
 * Codes, not stories: the borrower's mail says it kindly, in their language. Here, not beside
 * the schema, so the desk's page can list them without loading zod.
 */
export const DESK_CANCEL_REASONS = [
	'no_longer_needed',
	'other_dates',
	'cannot_collect',
	'tool_unavailable'
] as const;
export type DeskCancelReason = (typeof DESK_CANCEL_REASONS)[number];
