/**
 * The fixed lists of the volunteer work (issue 20), shared by the database schema, the forms'
 * validation and the pages; their words are in the message files.
 */

/**
 * The parts of the volunteer agreement (the "organisatienota", seed 003 fiche 5, seed 004 §4.1.2),
 * in the order they are shown. The broker writes each; the headings are message keys.
 */
export const AGREEMENT_SECTIONS = [
	'tasks',
	'not_tasks',
	'discretion',
	'legal_reference',
	'insurance',
	'damage_contact',
	'expenses',
	'ending'
] as const;
export type AgreementSection = (typeof AGREEMENT_SECTIONS)[number];

/** A helper's claim for expenses after a match: waiting for the broker, then approved or refused. */
export const EXPENSE_STATUSES = ['claimed', 'approved', 'refused'] as const;
export type ExpenseStatus = (typeof EXPENSE_STATUSES)[number];

/** The kinds of gathering a broker plans. A training has a name and may give a training badge. */
export const GATHERING_KINDS = [
	'intervision',
	'volunteer_meeting',
	'training',
	'information_evening',
	'coffee_morning',
	'open_activity'
] as const;
export type GatheringKind = (typeof GATHERING_KINDS)[number];

/** Kinds whose name the broker types (the training's name, what the activity is). */
export const NAMED_GATHERING_KINDS: readonly GatheringKind[] = ['training', 'open_activity'];

/** Who a gathering is for. */
export const GATHERING_AUDIENCES = ['volunteers', 'residents', 'everyone'] as const;
export type GatheringAudience = (typeof GATHERING_AUDIENCES)[number];

/** A person's place at a gathering: signed up, on the waiting list (it was full), or cancelled. */
export const SIGNUP_STATUSES = ['signed_up', 'waiting', 'cancelled'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

/** A thank-you the broker wrote to one helper, or the neighbourhood's yearly one to every helper. */
export const THANKS_KINDS = ['personal', 'yearly'] as const;
export type ThanksKind = (typeof THANKS_KINDS)[number];

/** Why a volunteer stopped (seed 004 §4.3.3), as the broker records it. */
export const STOP_REASONS = [
	'moved',
	'no_time',
	'health',
	'other_work',
	'not_a_fit',
	'other'
] as const;
export type StopReason = (typeof STOP_REASONS)[number];

/** Seed 000: at least four intervision moments a year in every neighbourhood. */
export const INTERVISIONS_PER_YEAR = 4;
