import { euroText } from '$lib/intl';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { ToolCondition as Condition, ToolStatus as Status } from '$lib/lending/lists';

const STATUS: Record<Status, () => string> = {
	available: m.lending_status_available,
	on_loan: m.lending_status_on_loan,
	in_repair: m.lending_status_in_repair,
	retired: m.lending_status_retired,
	missing: m.lending_status_missing
};

const CONDITION: Record<Condition, () => string> = {
	new: m.lending_condition_new,
	good: m.lending_condition_good,
	fair: m.lending_condition_fair,
	worn: m.lending_condition_worn
};

/** A tool's status in words, in the page's language. */
export const statusWords = (s: Status): string => STATUS[s]();

/** A tool's condition in words, in the page's language. */
export const conditionWords = (c: Condition): string => CONDITION[c]();

/** An amount in euro cents as money in the page's language, e.g. "€ 129,00". */
export function euros(cents: number): string {
	return euroText(cents, getLocale());
}
