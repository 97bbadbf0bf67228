/**
 * How many requests and offers the demo's history has in the month `monthsAgo` months before
 * the current one (1 = last month, up to HISTORY_MONTHS). A plain formula, so the end-to-end
 * test of the reports page knows what to expect without reading the database.
 */
export const HISTORY_MONTHS = 11;

export function historyMonth(monthsAgo: number) {
	const requests = 8 + (monthsAgo % 3) * 3;
	return {
		requests,
		/** One request per month is never answered and one gets a response that is declined. */
		matched: requests - 2,
		offers: 3 + (monthsAgo % 2) * 3
	};
}

/**
 * The demo's past loans of the grant's tools in the month `monthsAgo` months before the current
 * one (1 to HISTORY_MONTHS): how many, how many came back late (two days after the last day),
 * and how many times a tool went in repair. All of them from the one grant.
 */
export function historyLoans(monthsAgo: number) {
	return {
		loans: 4 + (monthsAgo % 3),
		late: 1 + (monthsAgo % 2),
		repairs: monthsAgo % 2 === 0 ? 1 : 0
	};
}
