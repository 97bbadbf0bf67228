import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import type { DB, DbOrTx } from '../db/client';
import { checkInCalls, checkInPlans, users, type CheckInPlan } from '../db/schema';
import { ensureCalls } from './calls';

export interface CheckInPlanInput {
	personId: string;
	callerId: string;
	contactId: string;
	weekdays: number[];
	time: string;
	retryMinutes: number;
	graceMinutes: number;
	circleId?: number | null;
	/** From the form: the same key twice sets the calls up once. */
	submissionKey?: string | null;
}

/**
 * The broker (or a carer, from the circle) sets up regular check-in calls: the person's
 * neighbourhood, the calls of the week ahead made at once. Logged, as it concerns a person.
 */
export function setUpCheckIns(
	db: DB,
	input: CheckInPlanInput,
	actorId: string,
	now: number
): { ok: true; plan: CheckInPlan } | { ok: false; field: string; error: string } {
	return db.transaction((tx) => {
		const person = tx.select().from(users).where(eq(users.id, input.personId)).get();
		if (!person || person.status !== 'active' || person.neighbourhoodId === null)
			return { ok: false, field: 'personId', error: 'checkins_err_person' };
		if (input.callerId === input.personId)
			return { ok: false, field: 'callerId', error: 'checkins_err_same' };
		if (input.contactId === input.personId)
			return { ok: false, field: 'contactId', error: 'checkins_err_same' };
		const plan = tx
			.insert(checkInPlans)
			.values({
				neighbourhoodId: person.neighbourhoodId,
				personId: person.id,
				callerId: input.callerId,
				contactId: input.contactId,
				circleId: input.circleId ?? null,
				weekdays: JSON.stringify([...new Set(input.weekdays)].sort()),
				time: input.time,
				retryMinutes: input.retryMinutes,
				graceMinutes: input.graceMinutes,
				setUpById: actorId,
				submissionKey: input.submissionKey ?? null,
				createdAt: now
			})
			.onConflictDoNothing()
			.returning()
			.all()[0];
		if (!plan) {
			const earlier = tx
				.select()
				.from(checkInPlans)
				.where(
					and(
						eq(checkInPlans.setUpById, actorId),
						eq(checkInPlans.submissionKey, input.submissionKey!)
					)
				)
				.get()!;
			return { ok: true, plan: earlier };
		}
		ensureCalls(tx, plan, now);
		recordAudit(
			tx,
			{
				actorId,
				action: 'check_in.set_up',
				subjectType: 'user',
				subjectId: person.id,
				neighbourhoodId: person.neighbourhoodId,
				detail: { plan: plan.id }
			},
			now
		);
		return { ok: true, plan };
	});
}

/** The calls stop: the calls still to come go. Logged. */
export function endCheckIns(db: DB, plan: CheckInPlan, actorId: string, now: number): boolean {
	return db.transaction((tx) => {
		const ended = tx
			.update(checkInPlans)
			.set({ endedAt: now })
			.where(and(eq(checkInPlans.id, plan.id), isNull(checkInPlans.endedAt)))
			.run().changes;
		if (!ended) return false;
		tx.delete(checkInCalls)
			.where(and(eq(checkInCalls.planId, plan.id), isNull(checkInCalls.outcome)))
			.run();
		recordAudit(
			tx,
			{
				actorId,
				action: 'check_in.end',
				subjectType: 'user',
				subjectId: plan.personId,
				neighbourhoodId: plan.neighbourhoodId,
				detail: { plan: plan.id }
			},
			now
		);
		return true;
	});
}

/** The plans of some neighbourhoods with the names of the three people in each, newest first. */
export function plansIn(db: DbOrTx, neighbourhoodIds: number[]) {
	if (neighbourhoodIds.length === 0) return [];
	return db
		.select()
		.from(checkInPlans)
		.where(inArray(checkInPlans.neighbourhoodId, neighbourhoodIds))
		.orderBy(desc(checkInPlans.createdAt))
		.all()
		.map((p) => named(db, p));
}

/** A plan with its people's names. */
export function named(db: DbOrTx, plan: CheckInPlan) {
	const name = (id: string | null) =>
		id
			? (db.select({ n: users.displayName }).from(users).where(eq(users.id, id)).get()?.n ?? null)
			: null;
	return {
		...plan,
		weekdays: JSON.parse(plan.weekdays) as number[],
		person: name(plan.personId),
		caller: name(plan.callerId),
		contact: name(plan.contactId)
	};
}

/** The calls of one plan, newest first. */
export function callsOf(db: DbOrTx, planId: number, limit = 30) {
	return db
		.select()
		.from(checkInCalls)
		.where(eq(checkInCalls.planId, planId))
		.orderBy(desc(checkInCalls.dueAt))
		.limit(limit)
		.all();
}

/** The residents of some neighbourhoods, by name: whom a broker can choose as person, caller or contact. */
export function activeResidents(db: DbOrTx, neighbourhoodIds: number[]) {
	if (neighbourhoodIds.length === 0) return [];
	return db
		.select({ id: users.id, name: users.displayName })
		.from(users)
		.where(
			and(
				inArray(users.neighbourhoodId, neighbourhoodIds),
				eq(users.status, 'active'),
				eq(users.role, 'resident')
			)
		)
		.orderBy(users.displayName)
		.all();
}
