import type { ModerationPolicy } from './moderation';

/**
 * The time zone of a neighbourhood that names none, and of pages that know no neighbourhood.
 * Here, without imports, so that `db/schema.ts` (read by drizzle-kit too) can take it; shown
 * through `$lib/dates` and `$lib/server/calendar`.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Brussels';

/**
 * Every per-neighbourhood setting's default: the schema's column defaults, the admin's and the
 * brokers' forms, and `neighbourhoodSettings` for a neighbourhood that does not exist.
 */
export const NEIGHBOURHOOD_DEFAULTS = {
	timeZone: DEFAULT_TIME_ZONE,
	/** Requests leave the list after this many days unless the poster says "still needed". */
	requestExpiryDays: 30,
	followUpDelayDays: 14,
	/** A certificate of good conduct counts this many years from its issue date. */
	certificateValidityYears: 3,
	/** Whose new posts wait for a broker's check (as in the pilot). */
	moderation: 'without_badge' as ModerationPolicy,
	/** A published request with no response after this many days shows on the broker's Today. */
	noResponseDays: 3,
	lendingMaxActive: 2,
	lendingBufferDays: 1,
	/** Off at first: a neighbourhood writes its agreement before it asks everyone to accept it. */
	volunteerAgreementRequired: false,
	/** Seed 003 fiche 4: volunteers overestimate what they can carry; three running matches is a lot. */
	helperMatchLimit: 3,
	/** Today asks the broker to get in touch with a helper not heard from in two months. */
	volunteerContactWeeks: 8,
	/** Seed 004 §3.2: ask whether a referral helped two weeks later. */
	referralCheckDays: 14
} as const;
