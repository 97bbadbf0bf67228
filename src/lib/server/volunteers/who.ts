import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
	gatherings,
	gatheringSignups,
	matches,
	trustBadges,
	users,
	volunteerAcceptances,
	volunteerGoodbyes
} from '../db/schema';

/**
 * THE ONE RULE of who counts as a volunteer of a neighbourhood: an active resident of it who has
 * helped in a match, holds a trust badge, accepted a volunteer agreement or attended a gathering
 * for volunteers — and has not stopped (a goodbye the broker recorded, not resumed). Brokers and
 * admins are staff, not volunteers. The overview, Today, the yearly thanks and the gatherings use it.
 */
export function volunteerIds(d: DbOrTx, neighbourhoodId: number): string[] {
	const helped = d
		.selectDistinct({ id: matches.helperId })
		.from(matches)
		.innerJoin(users, eq(users.id, matches.helperId))
		.where(eq(users.neighbourhoodId, neighbourhoodId));
	const badged = d
		.selectDistinct({ id: trustBadges.userId })
		.from(trustBadges)
		.innerJoin(users, eq(users.id, trustBadges.userId))
		.where(eq(users.neighbourhoodId, neighbourhoodId));
	const accepted = d
		.selectDistinct({ id: volunteerAcceptances.userId })
		.from(volunteerAcceptances)
		.innerJoin(users, eq(users.id, volunteerAcceptances.userId))
		.where(eq(users.neighbourhoodId, neighbourhoodId));
	const attended = d
		.selectDistinct({ id: gatheringSignups.userId })
		.from(gatheringSignups)
		.innerJoin(gatherings, eq(gatherings.id, gatheringSignups.gatheringId))
		.where(
			and(
				eq(gatherings.neighbourhoodId, neighbourhoodId),
				eq(gatherings.audience, 'volunteers'),
				eq(gatheringSignups.attended, true)
			)
		);
	const candidates = new Set(
		[...helped.all(), ...badged.all(), ...accepted.all(), ...attended.all()].map((r) => r.id)
	);
	if (candidates.size === 0) return [];
	const stopped = new Set(stoppedVolunteerIds(d, [...candidates]));
	return d
		.select({ id: users.id })
		.from(users)
		.where(
			and(
				inArray(users.id, [...candidates]),
				eq(users.neighbourhoodId, neighbourhoodId),
				eq(users.status, 'active'),
				eq(users.role, 'resident')
			)
		)
		.orderBy(users.displayName)
		.all()
		.map((u) => u.id)
		.filter((id) => !stopped.has(id));
}

/** True when the person counts as a volunteer of their neighbourhood (see volunteerIds). */
export function isVolunteer(d: DbOrTx, userId: string): boolean {
	const person = d
		.select({ hood: users.neighbourhoodId })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	return person?.hood ? volunteerIds(d, person.hood).includes(userId) : false;
}

/** Of these people, those whose latest goodbye has not been followed by a return. */
export function stoppedVolunteerIds(d: DbOrTx, userIds: string[]): string[] {
	if (userIds.length === 0) return [];
	return d
		.selectDistinct({ id: volunteerGoodbyes.userId })
		.from(volunteerGoodbyes)
		.where(and(inArray(volunteerGoodbyes.userId, userIds), isNull(volunteerGoodbyes.resumedAt)))
		.all()
		.map((r) => r.id);
}

/** Running matches per helper (status active), for the busy limit and the overview. */
export function runningMatchCounts(d: DbOrTx, helperIds: string[]): Map<string, number> {
	const counts = new Map(helperIds.map((id) => [id, 0]));
	if (helperIds.length === 0) return counts;
	for (const r of d
		.select({ id: matches.helperId, n: sql<number>`count(*)` })
		.from(matches)
		.where(and(inArray(matches.helperId, helperIds), eq(matches.status, 'active')))
		.groupBy(matches.helperId)
		.all())
		counts.set(r.id, r.n);
	return counts;
}
