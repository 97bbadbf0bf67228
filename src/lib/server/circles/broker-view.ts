import { and, count, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import { PLAN_DAYS } from '$lib/circles/lists';
import { days } from '../calendar';
import type { DbOrTx } from '../db/client';
import { checkInPlans, circleMembers, circles, circleSlots, users } from '../db/schema';

/**
 * The circles of some neighbourhoods as the broker sees them: that a circle exists, around whom,
 * how many are in it, and how many moments of the next two weeks nobody took. Nothing else.
 */
export function circlesForBroker(db: DbOrTx, neighbourhoodIds: number[], now: number) {
	if (neighbourhoodIds.length === 0) return [];
	return db
		.select({ id: circles.id, centreId: circles.centreId, centre: users.displayName })
		.from(circles)
		.innerJoin(users, eq(users.id, circles.centreId))
		.where(and(inArray(circles.neighbourhoodId, neighbourhoodIds), isNull(circles.closedAt)))
		.orderBy(users.displayName)
		.all()
		.map((c) => ({
			...c,
			members: db
				.select({ n: count() })
				.from(circleMembers)
				.where(and(eq(circleMembers.circleId, c.id), isNull(circleMembers.leftAt)))
				.get()!.n,
			openSlots: db
				.select({ n: count() })
				.from(circleSlots)
				.where(
					and(
						eq(circleSlots.circleId, c.id),
						isNull(circleSlots.takenById),
						isNull(circleSlots.helperId),
						isNull(circleSlots.cancelledAt),
						gte(circleSlots.startsAt, now),
						lt(circleSlots.startsAt, now + days(PLAN_DAYS))
					)
				)
				.get()!.n
		}));
}

/** For the person page: the open circle around a resident and their running check-in calls, by id. */
export function careOf(db: DbOrTx, residentId: string) {
	const circle = db
		.select({ id: circles.id })
		.from(circles)
		.where(and(eq(circles.centreId, residentId), isNull(circles.closedAt)))
		.get();
	const plans = db
		.select({ id: checkInPlans.id })
		.from(checkInPlans)
		.where(and(eq(checkInPlans.personId, residentId), isNull(checkInPlans.endedAt)))
		.all();
	return { circleId: circle?.id ?? null, checkInPlanIds: plans.map((p) => p.id) };
}
