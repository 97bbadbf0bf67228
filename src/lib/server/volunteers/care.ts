import { and, eq, gte, inArray, isNotNull, isNull, lt, lte, max, or, sql } from 'drizzle-orm';
import { INTERVISIONS_PER_YEAR } from '$lib/volunteers/lists';
import { days } from '../calendar';
import type { DbOrTx } from '../db/client';
import {
	gatherings,
	gatheringSignups,
	neighbourhoods,
	residentNotes,
	tasks,
	users
} from '../db/schema';

/** "A year" for intervision: the next or last 365 days, whatever the calendar month. */
export const CARE_YEAR = days(365);

/**
 * The running-match limit: a helper with `limit` or more running matches is busy, since
 * proposing one more would take them past it. (The issue says "above the limit"; we read it as
 * "one more would exceed it", so with the default 3, a helper with 3 running is busy.)
 */
export function isBusy(running: number, limit: number): boolean {
	return running >= limit;
}

/** The care settings of a neighbourhood: its running-match limit and weeks before "no contact". */
export function careSettings(
	d: DbOrTx,
	neighbourhoodId: number
): { helperMatchLimit: number; volunteerContactWeeks: number } | undefined {
	return d
		.select({
			helperMatchLimit: neighbourhoods.helperMatchLimit,
			volunteerContactWeeks: neighbourhoods.volunteerContactWeeks
		})
		.from(neighbourhoods)
		.where(eq(neighbourhoods.id, neighbourhoodId))
		.get();
}

/**
 * Intervision gatherings planned (not cancelled) in the next year per neighbourhood, and only
 * the neighbourhoods with fewer than INTERVISIONS_PER_YEAR (seed 000: at least four a year).
 */
export function intervisionShortfall(
	d: DbOrTx,
	neighbourhoodIds: number[],
	now: number
): { neighbourhoodId: number; planned: number }[] {
	if (neighbourhoodIds.length === 0) return [];
	const planned = new Map(
		d
			.select({ id: gatherings.neighbourhoodId, n: sql<number>`count(*)` })
			.from(gatherings)
			.where(
				and(
					inArray(gatherings.neighbourhoodId, neighbourhoodIds),
					eq(gatherings.kind, 'intervision'),
					isNull(gatherings.cancelledAt),
					gte(gatherings.startsAt, now),
					lt(gatherings.startsAt, now + CARE_YEAR)
				)
			)
			.groupBy(gatherings.neighbourhoodId)
			.all()
			.map((r) => [r.id, r.n])
	);
	return neighbourhoodIds
		.map((id) => ({ neighbourhoodId: id, planned: planned.get(id) ?? 0 }))
		.filter((r) => r.planned < INTERVISIONS_PER_YEAR);
}

/** Intervision gatherings each person attended in the last year (not cancelled ones). */
export function intervisionsAttended(
	d: DbOrTx,
	userIds: string[],
	now: number
): Map<string, number> {
	const counts = new Map(userIds.map((id) => [id, 0]));
	if (userIds.length === 0) return counts;
	for (const r of d
		.select({ id: gatheringSignups.userId, n: sql<number>`count(*)` })
		.from(gatheringSignups)
		.innerJoin(gatherings, eq(gatherings.id, gatheringSignups.gatheringId))
		.where(
			and(
				inArray(gatheringSignups.userId, userIds),
				eq(gatheringSignups.attended, true),
				eq(gatherings.kind, 'intervision'),
				isNull(gatherings.cancelledAt),
				gte(gatherings.startsAt, now - CARE_YEAR),
				lte(gatherings.startsAt, now)
			)
		)
		.groupBy(gatheringSignups.userId)
		.all())
		counts.set(r.id, r.n);
	return counts;
}

/**
 * When a broker was last in touch with each person, or null when never: the latest of a
 * confidential note on them, a task about them a broker marked done (a call, a check-in), and a
 * gathering they attended. One query per source, not per person.
 */
export function lastContacts(d: DbOrTx, userIds: string[]): Map<string, number | null> {
	const last = new Map<string, number | null>(userIds.map((id) => [id, null]));
	if (userIds.length === 0) return last;
	const take = (rows: { id: string | null; at: number | null }[]) => {
		for (const r of rows)
			if (r.id && r.at !== null && r.at > (last.get(r.id) ?? -Infinity)) last.set(r.id, r.at);
	};
	take(
		d
			.select({ id: residentNotes.userId, at: max(residentNotes.createdAt) })
			.from(residentNotes)
			.where(inArray(residentNotes.userId, userIds))
			.groupBy(residentNotes.userId)
			.all()
	);
	take(
		d
			.select({ id: tasks.subjectUserId, at: max(tasks.doneAt) })
			.from(tasks)
			.innerJoin(users, eq(users.id, tasks.doneById))
			.where(
				and(
					inArray(tasks.subjectUserId, userIds),
					isNotNull(tasks.doneAt),
					or(eq(users.role, 'broker'), eq(users.role, 'admin'))
				)
			)
			.groupBy(tasks.subjectUserId)
			.all()
	);
	take(
		d
			.select({ id: gatheringSignups.userId, at: max(gatherings.startsAt) })
			.from(gatheringSignups)
			.innerJoin(gatherings, eq(gatherings.id, gatheringSignups.gatheringId))
			.where(and(inArray(gatheringSignups.userId, userIds), eq(gatheringSignups.attended, true)))
			.groupBy(gatheringSignups.userId)
			.all()
	);
	return last;
}

/** True when the broker has not been in touch for longer than the neighbourhood's weeks. */
export function needsContact(last: number | null, weeks: number, now: number): boolean {
	return last === null || now - last > days(weeks * 7);
}
