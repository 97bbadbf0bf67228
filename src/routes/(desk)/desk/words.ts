import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { textDirection } from '$lib/i18n';
import type {
	AfterCheckIn,
	DepositOutcome,
	DepositWaiverReason,
	LoanStatus,
	RetireReason,
	ToolCondition,
	ToolStatus
} from '$lib/lending/lists';

// Every value of each list has its words: a value added to a list fails svelte-check here.
const STATUS: Record<ToolStatus, () => string> = {
	available: m.desk_status_available,
	on_loan: m.desk_status_on_loan,
	in_repair: m.desk_status_in_repair,
	retired: m.desk_status_retired,
	missing: m.desk_status_missing
};
const CONDITION: Record<ToolCondition, () => string> = {
	new: m.desk_condition_new,
	good: m.desk_condition_good,
	fair: m.desk_condition_fair,
	worn: m.desk_condition_worn
};
const WAIVER: Record<DepositWaiverReason, () => string> = {
	low_income: m.desk_waiver_low_income,
	known_borrower: m.desk_waiver_known_borrower,
	broker_decision: m.desk_waiver_broker_decision
};
const LOAN: Record<LoanStatus, () => string> = {
	reserved: m.desk_loan_reserved,
	on_loan: m.desk_loan_on_loan,
	returned: m.desk_loan_returned,
	cancelled: m.desk_loan_cancelled,
	not_collected: m.desk_loan_not_collected
};
const DEPOSIT: Record<DepositOutcome, () => string> = {
	none: m.desk_deposit_none,
	taken: m.desk_deposit_taken,
	waived: m.desk_deposit_waived
};
const RETIRE: Record<RetireReason, () => string> = {
	broken: m.desk_retire_broken,
	worn_out: m.desk_retire_worn_out,
	unsafe: m.desk_retire_unsafe,
	replaced: m.desk_retire_replaced
};
const AFTER: Record<AfterCheckIn, () => string> = {
	available: m.desk_after_available,
	in_repair: m.desk_after_repair
};

export const toolStatusLabel = (s: ToolStatus) => STATUS[s]();
export const conditionLabel = (s: ToolCondition | null) => (s ? CONDITION[s]() : '–');
export const waiverLabel = (s: DepositWaiverReason) => WAIVER[s]();
export const loanStatusLabel = (s: LoanStatus) => LOAN[s]();
export const depositLabel = (s: DepositOutcome) => DEPOSIT[s]();
export const retireLabel = (s: RetireReason) => RETIRE[s]();
export const afterLabel = (s: AfterCheckIn) => AFTER[s]();

/** "from … to" between a tool's condition out and in: the arrow points the way the page reads. */
export function thenArrow(): string {
	return textDirection(getLocale()) === 'rtl' ? '←' : '→';
}
