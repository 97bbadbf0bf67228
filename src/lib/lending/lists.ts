/**
 * The lending service's fixed lists, each defined once: the database (schema.ts), the zod
 * schemas and the pages take them from here. Client-safe, so pages load no server code.
 */

/** Where a tool is: on the shelf, with a borrower, in repair, or out of service. */
export const TOOL_STATUSES = ['available', 'on_loan', 'in_repair', 'retired', 'missing'] as const;
export type ToolStatus = (typeof TOOL_STATUSES)[number];

/**
 * A tool in one of these states is away: it cannot be booked at all, and a reservation nobody
 * picked up was not the borrower's doing (reservations.ts, uncollected.ts).
 */
export const TOOL_AWAY_STATUSES = [
	'in_repair',
	'retired',
	'missing'
] as const satisfies readonly ToolStatus[];

/** Whether a tool in this state is away (see TOOL_AWAY_STATUSES). */
export function toolIsAway(status: ToolStatus): boolean {
	return (TOOL_AWAY_STATUSES as readonly ToolStatus[]).includes(status);
}

/** The state a tool is in, as the desk writes it down at every hand-over. */
export const TOOL_CONDITIONS = ['new', 'good', 'fair', 'worn'] as const;
export type ToolCondition = (typeof TOOL_CONDITIONS)[number];

/**
 * reserved: booked, not picked up; on_loan: checked out; returned: checked in;
 * cancelled: by the borrower or the desk; not_collected: never picked up.
 */
export const LOAN_STATUSES = [
	'reserved',
	'on_loan',
	'returned',
	'cancelled',
	'not_collected'
] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

/** What happened with the deposit when the tool was handed over. */
export const DEPOSIT_OUTCOMES = ['none', 'taken', 'waived'] as const;
export type DepositOutcome = (typeof DEPOSIT_OUTCOMES)[number];

/** Why no deposit was asked: a code, not a story. */
export const DEPOSIT_WAIVER_REASONS = ['low_income', 'known_borrower', 'broker_decision'] as const;
export type DepositWaiverReason = (typeof DEPOSIT_WAIVER_REASONS)[number];

/** Why a tool is retired for good. */
export const RETIRE_REASONS = ['broken', 'worn_out', 'unsafe', 'replaced'] as const;
export type RetireReason = (typeof RETIRE_REASONS)[number];

/** Where a tool goes after it is taken back: on the shelf, or to repair. */
export const AFTER_CHECK_IN = ['available', 'in_repair'] as const;
export type AfterCheckIn = (typeof AFTER_CHECK_IN)[number];

/** How a borrower accepted the agreement: online, or at the desk on paper or read aloud. */
export const ACCEPTANCE_METHODS = ['online', 'paper', 'read_aloud'] as const;
export type AcceptanceMethod = (typeof ACCEPTANCE_METHODS)[number];

/** How someone without internet accepted the agreement, as the desk records it (read aloud first:
 * the usual way with someone on the phone). */
export const DESK_ACCEPTANCE = [
	'read_aloud',
	'paper'
] as const satisfies readonly AcceptanceMethod[];

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
