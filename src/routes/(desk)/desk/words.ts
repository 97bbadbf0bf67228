import { m } from '$lib/paraglide/messages.js';

const STATUS: Record<string, () => string> = {
	available: m.desk_status_available,
	on_loan: m.desk_status_on_loan,
	in_repair: m.desk_status_in_repair,
	retired: m.desk_status_retired,
	missing: m.desk_status_missing
};
const CONDITION: Record<string, () => string> = {
	new: m.desk_condition_new,
	good: m.desk_condition_good,
	fair: m.desk_condition_fair,
	worn: m.desk_condition_worn
};
const WAIVER: Record<string, () => string> = {
	low_income: m.desk_waiver_low_income,
	known_borrower: m.desk_waiver_known_borrower,
	broker_decision: m.desk_waiver_broker_decision
};
const LOAN: Record<string, () => string> = {
	reserved: m.desk_loan_reserved,
	on_loan: m.desk_loan_on_loan,
	returned: m.desk_loan_returned,
	cancelled: m.desk_loan_cancelled,
	not_collected: m.desk_loan_not_collected
};

export const toolStatusLabel = (s: string) => STATUS[s]?.() ?? s;
export const conditionLabel = (s: string | null) => (s ? (CONDITION[s]?.() ?? s) : '–');
export const waiverLabel = (s: string) => WAIVER[s]?.() ?? s;
export const loanStatusLabel = (s: string) => LOAN[s]?.() ?? s;
