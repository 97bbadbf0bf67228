import { z } from 'zod';
import { idField, textField } from './fields';

/** "4,60", "4.60", "€ 4,60", "12": euros with at most two decimals, as people type them. */
const MONEY = /^\s*(?:€\s*)?(\d{1,6})(?:[.,](\d{1,2}))?\s*(?:€|eur|euro)?\s*$/i;

/** The euro amount typed, in cents; null when it is not an amount. */
export function parseEuroCents(text: string): number | null {
	const match = MONEY.exec(text);
	if (!match) return null;
	const cents = (match[2] ?? '').padEnd(2, '0');
	return Number(match[1]) * 100 + Number(cents);
}

/** A helper's claim: which match, how much (kept as typed, so the form refills), what for. */
export const expenseClaimSchema = z.object({
	// Null until chosen, so the empty first choice is refused with the field's own message.
	matchId: idField('volunteers_expenses_err_match').nullable(),
	amount: z
		.string({ error: 'volunteers_expenses_err_amount' })
		.trim()
		.refine((v) => parseEuroCents(v) !== null, 'volunteers_expenses_err_amount'),
	reason: textField({ max: 300, required: 'volunteers_expenses_err_reason' })
});

/** A broker's decision on a claim; a refusal's reason is checked by the domain. */
export const expenseDecisionSchema = z.object({
	claimId: idField(),
	decision: z.enum(['approve', 'refuse'], { error: 'err_invalid' }),
	reason: textField({ max: 500, multiline: true })
});
