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

/** Who asks and offers in the demo's past, who helps, and about what. */
export const HISTORY_AUTHORS = [
	'maria@naburig.example',
	'annie@naburig.example',
	'fatima@naburig.example',
	'mehmet@naburig.example',
	'thomas@naburig.example'
];
export const HISTORY_HELPERS = [
	'jozef@naburig.example',
	'sofie@naburig.example',
	'lotte@naburig.example',
	'youssef@naburig.example'
];
export const HISTORY_CATEGORIES = [
	'shopping',
	'social-contact',
	'small-jobs',
	'transport',
	'garden',
	'paperwork'
];
export const HISTORY_TITLES: Record<string, string> = {
	shopping: 'Boodschappen meebrengen',
	'social-contact': 'Een babbel en een tas koffie',
	'small-jobs': 'Een klein klusje in huis',
	transport: 'Rit naar de dokter',
	garden: 'Hulp in de tuin',
	paperwork: 'Hulp bij een brief van de mutualiteit'
};

/** What people wrote in their follow-up answers. */
export const FOLLOW_UP_COMMENTS = [
	'Heel vriendelijk, dank u!',
	'Het was wat kort, maar goed bedoeld.',
	'Graag nog eens.'
];

/** Tools with a past only: the others have today's loans and repair (see tools.ts). */
export const HISTORY_TOOL_TAGS = ['KBS-001', 'KBS-002', 'KBS-003', 'KBS-006', 'KBS-009'];
/** Residents no end-to-end test borrows as, so their loan lists stay as the tests expect. */
export const HISTORY_BORROWERS = [
	'annie@naburig.example',
	'ayse@naburig.example',
	'gilbert@naburig.example',
	'irina@naburig.example',
	'nadia@naburig.example',
	'mehmet@naburig.example'
];
