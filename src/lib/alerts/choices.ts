/**
 * The choices of the "new requests near me" alerts, shared by the schema, the server and the
 * page (their words: `./describe`). The rhythms themselves are ALERT_RHYTHMS in
 * `$lib/notify/channels`.
 */

/** How far from home a helper hears of requests: a short walk to a short ride. */
export const ALERT_DISTANCES = [500, 1000, 2000, 5000] as const;
export type AlertDistance = (typeof ALERT_DISTANCES)[number];

/** A new setting starts within a kilometre, as the database's column default. */
export const DEFAULT_ALERT_DISTANCE: AlertDistance = 1000;

/** The local time the daily and weekly summaries go out, and the weekly one's day (Monday). */
export const SUMMARY_TIME = '08:00';
export const WEEKLY_SUMMARY_DAY = 1;

/** "At once" sends at most one message in this many milliseconds, bundling what came in. */
export const AT_ONCE_GAP_MS = 60 * 60 * 1000;
