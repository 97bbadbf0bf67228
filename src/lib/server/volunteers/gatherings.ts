import { and, asc, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import { NAMED_GATHERING_KINDS } from '$lib/volunteers/lists';
import type { GatheringForm } from '$lib/schemas/gathering';
import { recordAudit } from '../audit/audit';
import type { DB, DbOrTx } from '../db/client';
import { gatherings, gatheringSignups, neighbourhoods, type Gathering } from '../db/schema';
import { localDate, localInstant } from '../calendar';
import { brokerNeighbourhoodIds } from '../broker/intake';
import { noticeGatheringCancelled } from './gathering-mails';

export type PlanInput = Omit<GatheringForm, 'kind' | 'audience'> & {
	kind: NonNullable<GatheringForm['kind']>;
	audience: NonNullable<GatheringForm['audience']>;
};

export type PlanField = 'date' | 'endTime' | 'name' | 'capacity';
export type PlanResult =
	| { ok: true; gathering: Gathering }
	| { ok: false; field: PlanField; error: string }
	| { ok: false; error: 'not_found' | 'cancelled' | 'started' };

export function neighbourhoodZone(d: DbOrTx, neighbourhoodId: number): string {
	return d
		.select({ tz: neighbourhoods.timeZone })
		.from(neighbourhoods)
		.where(eq(neighbourhoods.id, neighbourhoodId))
		.get()!.tz;
}

/** The columns a plan form stands for, or the field that is wrong. */
function columns(d: DbOrTx, input: PlanInput, now: number) {
	const tz = neighbourhoodZone(d, input.neighbourhoodId);
	if (input.date < localDate(now, tz))
		return { ok: false as const, field: 'date' as const, error: 'gatherings_err_past' };
	const startsAt = localInstant(input.date, input.startTime, tz);
	const endsAt = localInstant(input.date, input.endTime, tz);
	if (endsAt <= startsAt)
		return { ok: false as const, field: 'endTime' as const, error: 'gatherings_err_end' };
	const named = NAMED_GATHERING_KINDS.includes(input.kind);
	if (named && !input.name.trim())
		return { ok: false as const, field: 'name' as const, error: 'err_required' };
	return {
		ok: true as const,
		values: {
			kind: input.kind,
			name: named ? input.name.trim() : '',
			description: input.description.trim(),
			place: input.place.trim(),
			startsAt,
			endsAt,
			capacity: input.capacity,
			audience: input.audience,
			// Only a training gives a badge, so only a training has a refresher.
			refresherMonths: input.kind === 'training' ? input.refresherMonths : null
		}
	};
}

/** A broker plans a gathering in one of their neighbourhoods (the route checks which). */
export function planGathering(db: DB, brokerId: string, input: PlanInput, now: number): PlanResult {
	const made = columns(db, input, now);
	if (!made.ok) return made;
	return db.transaction((tx) => {
		const gathering = tx
			.insert(gatherings)
			.values({
				...made.values,
				neighbourhoodId: input.neighbourhoodId,
				createdById: brokerId,
				createdAt: now
			})
			.returning()
			.all()[0]!;
		recordAudit(
			tx,
			{
				actorId: brokerId,
				action: 'gathering.plan',
				subjectType: 'gathering',
				subjectId: gathering.id,
				neighbourhoodId: gathering.neighbourhoodId,
				detail: { kind: gathering.kind }
			},
			now
		);
		return { ok: true as const, gathering };
	});
}

/**
 * A broker changes a planned gathering that has not started. Fewer places do not push anyone
 * already signed up onto the waiting list; more places do not move anyone up either (the broker
 * can sign the waiting people up by phone).
 */
export function editGathering(
	db: DB,
	brokerId: string,
	gatheringId: number,
	input: PlanInput,
	now: number
): PlanResult {
	const before = findGathering(db, gatheringId);
	if (!before || before.neighbourhoodId !== input.neighbourhoodId)
		return { ok: false, error: 'not_found' };
	if (before.cancelledAt !== null) return { ok: false, error: 'cancelled' };
	if (before.startsAt <= now) return { ok: false, error: 'started' };
	const made = columns(db, input, now);
	if (!made.ok) return made;
	return db.transaction((tx) => {
		const gathering = tx
			.update(gatherings)
			.set(made.values)
			.where(eq(gatherings.id, gatheringId))
			.returning()
			.all()[0]!;
		recordAudit(
			tx,
			{
				actorId: brokerId,
				action: 'gathering.edit',
				subjectType: 'gathering',
				subjectId: gathering.id,
				neighbourhoodId: gathering.neighbourhoodId
			},
			now
		);
		return { ok: true as const, gathering };
	});
}

/** Cancels a whole gathering; everyone signed up or waiting is told, in the same transaction. */
export function cancelGathering(
	db: DB,
	brokerId: string,
	gatheringId: number,
	now: number,
	origin: string
): { ok: true; told: number } | { ok: false; error: 'not_found' | 'cancelled' | 'started' } {
	return db.transaction((tx) => {
		const gathering = tx.select().from(gatherings).where(eq(gatherings.id, gatheringId)).get();
		if (!gathering) return { ok: false as const, error: 'not_found' as const };
		if (gathering.cancelledAt !== null) return { ok: false as const, error: 'cancelled' as const };
		if (gathering.startsAt <= now) return { ok: false as const, error: 'started' as const };
		tx.update(gatherings).set({ cancelledAt: now }).where(eq(gatherings.id, gatheringId)).run();
		const people = tx
			.select({ userId: gatheringSignups.userId })
			.from(gatheringSignups)
			.where(
				and(
					eq(gatheringSignups.gatheringId, gatheringId),
					inArray(gatheringSignups.status, ['signed_up', 'waiting'])
				)
			)
			.all();
		for (const p of people) noticeGatheringCancelled(tx, p.userId, gathering, origin, now);
		recordAudit(
			tx,
			{
				actorId: brokerId,
				action: 'gathering.cancel',
				subjectType: 'gathering',
				subjectId: gathering.id,
				neighbourhoodId: gathering.neighbourhoodId,
				detail: { told: people.length }
			},
			now
		);
		return { ok: true as const, told: people.length };
	});
}

export function findGathering(d: DbOrTx, id: number): Gathering | undefined {
	return d.select().from(gatherings).where(eq(gatherings.id, id)).get();
}

/** The broker's list: upcoming (soonest first) and past (newest first) of these neighbourhoods. */
export function brokerGatherings(d: DbOrTx, hoodIds: number[], now: number) {
	if (hoodIds.length === 0) return { upcoming: [], past: [] };
	const upcoming = d
		.select()
		.from(gatherings)
		.where(and(inArray(gatherings.neighbourhoodId, hoodIds), gte(gatherings.endsAt, now)))
		.orderBy(asc(gatherings.startsAt))
		.all();
	const past = d
		.select()
		.from(gatherings)
		.where(and(inArray(gatherings.neighbourhoodId, hoodIds), lt(gatherings.endsAt, now)))
		.orderBy(desc(gatherings.startsAt))
		.limit(100)
		.all();
	const counts = signupCounts(
		d,
		[...upcoming, ...past].map((g) => g.id)
	);
	const withCounts = (g: Gathering) => ({
		...g,
		...(counts.get(g.id) ?? { signedUp: 0, waiting: 0 })
	});
	return { upcoming: upcoming.map(withCounts), past: past.map(withCounts) };
}

/** Signed up and waiting per gathering, for these gatherings. */
export function signupCounts(
	d: DbOrTx,
	ids: number[]
): Map<number, { signedUp: number; waiting: number }> {
	const counts = new Map<number, { signedUp: number; waiting: number }>();
	if (ids.length === 0) return counts;
	for (const r of d
		.select({ id: gatheringSignups.gatheringId, status: gatheringSignups.status })
		.from(gatheringSignups)
		.where(inArray(gatheringSignups.gatheringId, ids))
		.all()) {
		const c = counts.get(r.id) ?? { signedUp: 0, waiting: 0 };
		if (r.status === 'signed_up') c.signedUp++;
		if (r.status === 'waiting') c.waiting++;
		counts.set(r.id, c);
	}
	return counts;
}

/** The neighbourhoods a broker plans gatherings for (every one for an admin), by name. */
export function plannerHoods(d: DbOrTx, user: { id: string; role: string }) {
	const ids = brokerNeighbourhoodIds(d, user);
	return d
		.select({ id: neighbourhoods.id, name: neighbourhoods.name, timeZone: neighbourhoods.timeZone })
		.from(neighbourhoods)
		.where(ids === null ? undefined : inArray(neighbourhoods.id, ids))
		.orderBy(asc(neighbourhoods.name))
		.all();
}
