import { describe, expect, it } from 'vitest';
import { cells, Counts, HIDDEN, SUPPRESSED } from './cells';

describe('suppressing counts', () => {
	it('shows counts from 1 to 4 as "< 5", and 0 and 5 or more as they are', () => {
		const c = new Counts();
		const row = [0, 1, 4, 5, 120].map((n) => c.count(n));
		c.settle();
		expect(cells([row])).toEqual([[0, SUPPRESSED, SUPPRESSED, 5, 120]]);
	});

	it('hides the smallest other part when a shown total would give a small one away', () => {
		const c = new Counts();
		const parts = [3, 9, 7].map((n) => c.count(n));
		const total = c.count(19);
		c.sum(total, parts);
		c.settle();
		// 19 − 9 − 7 would be 3: now 3 + 7 = 10 is all a reader learns.
		expect(cells([[...parts, total]])).toEqual([[SUPPRESSED, 9, HIDDEN, 19]]);
	});

	it('leaves a sum alone when two of its members are hidden already', () => {
		const c = new Counts();
		const parts = [3, 2, 9].map((n) => c.count(n));
		const total = c.count(14);
		c.sum(total, parts);
		c.settle();
		expect(cells([[...parts, total]])).toEqual([[SUPPRESSED, SUPPRESSED, 9, 14]]);
	});

	it('follows the hiding through rows and columns until no sum has one hidden member', () => {
		// Two categories × two months, with row totals and month totals:
		//            Jan  Feb  total
		//   jobs      2    8    10
		//   garden    6    7    13
		//   month     8   15    23
		const c = new Counts();
		const grid = [
			[2, 8],
			[6, 7]
		].map((row) => row.map((n) => c.count(n)));
		const rowTotals = [10, 13].map((n) => c.count(n));
		const monthTotals = [8, 15].map((n) => c.count(n));
		const all = c.count(23);
		grid.forEach((row, i) => c.sum(rowTotals[i]!, row));
		monthTotals.forEach((t, j) => c.sum(t, [grid[0]![j]!, grid[1]![j]!]));
		c.sum(all, rowTotals);
		c.sum(all, monthTotals);
		c.settle();
		const shown = cells([...grid.map((row, i) => [...row, rowTotals[i]!]), [...monthTotals, all]]);
		// The four cells hide one another: jobs in January could be 1 to 4 (garden in January
		// 7 to 4 accordingly, and so on); the totals stay.
		expect(shown).toEqual([
			[SUPPRESSED, HIDDEN, 10],
			[HIDDEN, HIDDEN, 13],
			[8, 15, 23]
		]);
		// Every sum now has no hidden member or at least two.
		const hiddenIn = (members: { hidden: unknown }[]) => members.filter((m) => m.hidden).length;
		for (const [i, row] of grid.entries()) expect(hiddenIn([...row, rowTotals[i]!])).not.toBe(1);
		for (const j of [0, 1])
			expect(hiddenIn([monthTotals[j]!, grid[0]![j]!, grid[1]![j]!])).not.toBe(1);
		expect(hiddenIn([all, ...rowTotals])).not.toBe(1);
	});

	it('hides a share whose part or whole is hidden, and one over fewer than five', () => {
		const c = new Counts();
		const whole = c.count(40);
		const small = c.count(3);
		const other = c.count(6);
		const big = c.count(20);
		c.sum(c.count(9), [small, other]);
		c.settle();
		expect(
			cells([
				[
					{ part: small, whole },
					{ part: other, whole },
					{ part: big, whole },
					{ part: small, whole: small },
					{ part: big, whole: c.count(0) }
				]
			])
		).toEqual([[SUPPRESSED, HIDDEN, '50%', SUPPRESSED, '–']]);
	});
});
