import { and, count, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import type { DbOrTx } from '../db/client';
import { checkInCalls, checkInPlans, circles, circleSlots } from '../db/schema';
import type { Counts, PendingTable } from './cells';
import type { Period } from './period';

/** Check-in calls and care circles in a period, as plain counts. */
export function checkInFigures(
	db: DbOrTx,
	neighbourhoodIds: number[],
	period: Pick<Period, 'start' | 'end'>
) {
	const inPeriod = and(
		inArray(checkInPlans.neighbourhoodId, neighbourhoodIds),
		gte(checkInCalls.dueAt, period.start),
		lt(checkInCalls.dueAt, period.end)
	);
	const calls = (extra?: ReturnType<typeof and>) =>
		db
			.select({ n: count() })
			.from(checkInCalls)
			.innerJoin(checkInPlans, eq(checkInPlans.id, checkInCalls.planId))
			.where(and(inPeriod, extra))
			.get()!.n;
	const slots = (extra?: ReturnType<typeof and>) =>
		db
			.select({ n: count() })
			.from(circleSlots)
			.innerJoin(circles, eq(circles.id, circleSlots.circleId))
			.where(
				and(
					inArray(circles.neighbourhoodId, neighbourhoodIds),
					gte(circleSlots.startsAt, period.start),
					lt(circleSlots.startsAt, period.end),
					sql`${circleSlots.cancelledAt} IS NULL`,
					extra
				)
			)
			.get()!.n;
	return {
		// Made: written down (reached or not); a retry is the same call.
		made: calls(isNotNull(checkInCalls.recordedAt)),
		notReached: calls(
			sql`(${checkInCalls.outcome} = 'not_reached' OR ${checkInCalls.retryAt} IS NOT NULL)`
		),
		escalated: calls(isNotNull(checkInCalls.escalatedAt)),
		moments: slots(),
		byOutsideHelper: slots(isNotNull(circleSlots.helperId))
	};
}

/**
 * Check-in calls made, not reached (at least once) and escalated, and the circles' moments with
 * those a neighbour from outside took. Counts go through `counts`: small ones are hidden.
 */
export function checkInSection(
	db: DbOrTx,
	counts: Counts,
	neighbourhoodIds: number[],
	period: Period,
	locale: Locale
): PendingTable {
	const o = { locale };
	const f = checkInFigures(db, neighbourhoodIds, period);
	return {
		key: 'check-ins',
		title: m.checkins_report_title({}, o),
		note: m.checkins_report_note({}, o),
		columns: [m.report_col_figure({}, o), m.report_col_value({}, o)],
		rows: [
			[m.checkins_report_made({}, o), counts.count(f.made)],
			[m.checkins_report_not_reached({}, o), counts.count(f.notReached)],
			[m.checkins_report_escalated({}, o), counts.count(f.escalated)],
			[m.circles_report_moments({}, o), counts.count(f.moments)],
			[m.circles_report_outside({}, o), counts.count(f.byOutsideHelper)]
		]
	};
}
