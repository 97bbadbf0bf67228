import { describe, expect, it } from 'vitest';
import { TOOL_AWAY_STATUSES, TOOL_STATUSES, toolIsAway, type ToolStatus } from './lists';

describe('the lending lists', () => {
	it('calls a tool away only in repair, retired or missing: never on the shelf or lent out', () => {
		expect(TOOL_STATUSES.filter(toolIsAway)).toEqual(['in_repair', 'retired', 'missing']);
		expect(TOOL_AWAY_STATUSES.every((s) => TOOL_STATUSES.includes(s))).toBe(true);
	});

	it('makes a map from a status to its words name every status (a missing one fails the type check)', () => {
		// @ts-expect-error: "missing" has no words, which svelte-check and tsc refuse.
		const words: Record<ToolStatus, string> = {
			available: 'free',
			on_loan: 'lent',
			in_repair: 'in repair',
			retired: 'retired'
		};
		expect(Object.keys(words)).toHaveLength(TOOL_STATUSES.length - 1);
	});
});
