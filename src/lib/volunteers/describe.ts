import { m } from '$lib/paraglide/messages.js';
import type { ExpenseStatus } from './lists';

const EXPENSE_STATUS: Record<ExpenseStatus, () => string> = {
	claimed: m.volunteers_expenses_status_claimed,
	approved: m.volunteers_expenses_status_approved,
	refused: m.volunteers_expenses_status_refused
};

/** An expense claim's status in the page's language. */
export const expenseStatusText = (s: ExpenseStatus): string => EXPENSE_STATUS[s]();
