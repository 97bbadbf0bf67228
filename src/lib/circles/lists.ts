/**
 * The value lists of care circles and check-in calls, shared by the schema, the forms and the
 * pages (words: `./describe`). Imports nothing, so drizzle-kit can read the schema.
 */

/** What happens to a moment nobody in the circle took: the centre decides (issue 22). */
export const OPEN_SLOT_WAYS = ['keep', 'open_list', 'broker'] as const;
export type OpenSlotWay = (typeof OPEN_SLOT_WAYS)[number];

/** How someone is invited into a circle: a link by mail or SMS, or a code on paper. */
export const INVITE_WAYS = ['email', 'sms', 'code'] as const;
export type InviteWay = (typeof INVITE_WAYS)[number];

/** A task in the plan happens once, or every week on the same day and time. */
export const PLAN_REPEATS = ['once', 'weekly'] as const;
export type PlanRepeat = (typeof PLAN_REPEATS)[number];

/** What the caller writes down after a check-in call. */
export const CALL_OUTCOMES = ['well', 'follow_up', 'not_reached'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Why a check-in call was escalated to the contact person and the broker. */
export const ESCALATION_REASONS = ['not_reached', 'not_recorded'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

/** How many hours before a moment nobody took it is offered, by default, and the choices. */
export const OFFER_HOURS = [12, 24, 48, 72] as const;
export const DEFAULT_OFFER_HOURS = 48;

/** The plan shows and keeps slots ready this many days ahead. */
export const PLAN_DAYS = 14;
