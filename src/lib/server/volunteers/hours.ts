import { and, eq, gte, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { followUps, matches } from '../db/schema';

/**
 * The rule's condition over `follow_ups` joined to `matches` (unaliased): the minutes a helper
 * told in the follow-up of a match where they were the helper. The reports' per-month hours
 * (reporting/volunteers.ts) use it in their own SQL, so the two cannot drift apart.
 */
export const helperOwnMinutes: SQL = and(
	eq(matches.helperId, followUps.userId),
	isNotNull(followUps.minutes)
)!;

/**
 * THE ONE RULE for a helper's hours: the minutes they answered to "how long did it take?" in the
 * follow-ups of matches where they were the helper, answered in a period [from, until)
 * (null: no bound): an ongoing match counts in the months its hours were told. The overview, the statement, the thanks and the reports use it.
 */
export function helperMinutes(
	d: DbOrTx,
	helperIds: string[],
	from: number | null = null,
	until: number | null = null
): Map<string, number> {
	const totals = new Map(helperIds.map((id) => [id, 0]));
	if (helperIds.length === 0) return totals;
	const rows = d
		.select({ id: followUps.userId, minutes: sql<number>`sum(${followUps.minutes})` })
		.from(followUps)
		.innerJoin(matches, eq(matches.id, followUps.matchId))
		.where(
			and(
				inArray(followUps.userId, helperIds),
				helperOwnMinutes,
				from === null ? undefined : gte(followUps.answeredAt, from),
				until === null ? undefined : lt(followUps.answeredAt, until)
			)
		)
		.groupBy(followUps.userId)
		.all();
	for (const r of rows) totals.set(r.id, r.minutes ?? 0);
	return totals;
}
