/**
 * The ways the site reaches a person, and what a message is about; shared by the database
 * schema, the forms' validation and the pages (words: `./describe`). Imports nothing, so
 * drizzle-kit can read the schema.
 */

/** Every message is an outbox row on one of these. */
export const CHANNELS = ['email', 'sms', 'push', 'letter'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * What a message is about, which decides its channel. Account mails always go by e-mail; an
 * urgent one (a check-in call nobody answered) goes on the person's reminder channel at once.
 */
export const TOPICS = [
	'account',
	'follow_up',
	'reminder',
	'proposal',
	'alert',
	'other',
	'urgent'
] as const;
export type Topic = (typeof TOPICS)[number];

/** The topics a person (or the broker for them) chooses a channel for. */
export const CHOOSABLE_TOPICS = ['follow_up', 'reminder', 'proposal', 'alert'] as const;
export type ChoosableTopic = (typeof CHOOSABLE_TOPICS)[number];

/** The channels a person chooses from; a letter follows from "contact by letter" at intake. */
export const CHOOSABLE_CHANNELS = ['email', 'sms', 'push'] as const;
export type ChoosableChannel = (typeof CHOOSABLE_CHANNELS)[number];

/** How often a helper hears of new requests near them. */
export const ALERT_RHYTHMS = ['at_once', 'daily', 'weekly', 'never'] as const;
export type AlertRhythm = (typeof ALERT_RHYTHMS)[number];

/** No SMS or push from 21:00 to 08:00 in the neighbourhood's time, unless the person says otherwise. */
export const DEFAULT_QUIET_FROM_MINUTE = 21 * 60;
export const DEFAULT_QUIET_UNTIL_MINUTE = 8 * 60;

/** Who a calendar feed is for: one person's own days, or the desk's pick-ups and returns. */
export const CALENDAR_FEED_KINDS = ['person', 'desk'] as const;
export type CalendarFeedKind = (typeof CALENDAR_FEED_KINDS)[number];
