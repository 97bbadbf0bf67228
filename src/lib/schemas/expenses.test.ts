import { describe, expect, it } from 'vitest';
import { expenseClaimSchema, parseEuroCents } from './expenses';

describe('an amount of euros as people type it', () => {
	it('reads commas, dots, the euro sign and whole euros', () => {
		expect(parseEuroCents('4,60')).toBe(460);
		expect(parseEuroCents('4.6')).toBe(460);
		expect(parseEuroCents('€ 12')).toBe(1200);
		expect(parseEuroCents('3,05 euro')).toBe(305);
	});

	it('refuses what is not an amount', () => {
		for (const bad of ['', 'vier', '4,605', '-3', '1.000,00', '4,6,0'])
			expect(parseEuroCents(bad), bad).toBeNull();
	});

	it('keeps what was typed in the form and names the field', () => {
		const parsed = expenseClaimSchema.safeParse({ matchId: '3', amount: 'vier', reason: 'bus' });
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['amount', 'volunteers_expenses_err_amount']
		]);
	});
});
