import { and, asc, eq, gt, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import type { CallOutcome, EscalationReason } from '$lib/circles/lists';
import { formatLocalDate } from '$lib/dates';
import { isolate } from '$lib/i18n';
import { recordAudit } from '../audit/audit';
import { localDate, localInstant, localTime, shiftDate, weekdayOf } from '../calendar';
import type { DB, DbOrTx } from '../db/client';
import {
	checkInCalls,
	checkInPlans,
	neighbourhoods,
	signals,
	users,
	type CheckInCall,
	type CheckInPlan
} from '../db/schema';
import { fileSignal } from '../broker/signals';
import { notifyPerson } from '../notify/notify';
import { firstName } from '../profile/public';
import { completeTaskByKey, createTask } from '../tasks/tasks';

/** The urgent task on Today for one call: made when it escalates, done when all turns out well. */
const escalatedTaskKey = (callId: number) => `check-in:${callId}`;

/** Calls are kept ready a week ahead: the caller's list and calendar show the days to come. */
const AHEAD_DAYS = 7;

const timeZoneOf = (db: DbOrTx, neighbourhoodId: number) =>
	db
		.select({ tz: neighbourhoods.timeZone })
		.from(neighbourhoods)
		.where(eq(neighbourhoods.id, neighbourhoodId))
		.get()!.tz;

/**
 * The instants a plan's calls fall on from one local day to another (inclusive): on its
 * weekdays at its local time, the same wall-clock time in summer and winter.
 */
export function callTimes(
	plan: Pick<CheckInPlan, 'weekdays' | 'time'>,
	from: string,
	to: string,
	timeZone: string
): number[] {
	const weekdays = JSON.parse(plan.weekdays) as number[];
	const out: number[] = [];
	for (let d = from; d <= to; d = shiftDate(d, 1))
		if (weekdays.includes(weekdayOf(d))) out.push(localInstant(d, plan.time, timeZone));
	return out;
}

/** Makes the calls of the week ahead that do not exist yet, none before the plan began. */
export function ensureCalls(db: DbOrTx, plan: CheckInPlan, now: number): number {
	const tz = timeZoneOf(db, plan.neighbourhoodId);
	const today = localDate(now, tz);
	let made = 0;
	for (const dueAt of callTimes(plan, today, shiftDate(today, AHEAD_DAYS), tz)) {
		if (dueAt < plan.createdAt) continue;
		made += db
			.insert(checkInCalls)
			.values({ planId: plan.id, dueAt })
			.onConflictDoNothing()
			.run().changes;
	}
	return made;
}

export type RecordAnswer =
	| {
			ok: true;
			retryAt: number | null;
			/** The contact person and the broker were alarmed just now. */
			escalated: boolean;
			/** It had escalated; the contact person now hears that all is well. */
			cleared: boolean;
			/** The neighbourhood's zone, to say the retry time in. */
			timeZone: string;
	  }
	| { ok: false; error: 'gone' | 'not_yet' };

/**
 * The caller writes down a call. Reached: all well, or something to follow up (a note, and on
 * request a signal to the broker). Not reached the first time: try again `retryMinutes` later.
 * Not reached again: the contact person is told at once and an urgent task goes to Today.
 */
export function recordCall(
	db: DB,
	callId: number,
	recorderId: string,
	input: { outcome: CallOutcome; note: string; signal: boolean },
	origin: string,
	now: number
): RecordAnswer {
	const row = db
		.select({ call: checkInCalls, plan: checkInPlans })
		.from(checkInCalls)
		.innerJoin(checkInPlans, eq(checkInPlans.id, checkInCalls.planId))
		.where(eq(checkInCalls.id, callId))
		.get();
	if (!row || row.call.outcome !== null) return { ok: false, error: 'gone' };
	const { call, plan } = row;
	// A call can be written down from an hour before it is due (the caller rings a bit early).
	if (call.dueAt - 3_600_000 > now) return { ok: false, error: 'not_yet' };
	let signalId: number | null = null;
	if (input.outcome === 'follow_up' && input.signal && input.note) {
		const person = db.select().from(users).where(eq(users.id, plan.personId)).get();
		const filed = fileSignal(
			db,
			recorderId,
			{ kind: 'client', about: person?.displayName ?? '', body: input.note, consent: 'yes' },
			now,
			{ origin }
		);
		if (filed.ok) {
			signalId = filed.signal.id;
			db.update(signals)
				.set({ subjectUserId: plan.personId })
				.where(eq(signals.id, signalId))
				.run();
		}
	}
	const timeZone = timeZoneOf(db, plan.neighbourhoodId);
	return db.transaction((tx): RecordAnswer => {
		const recorded = { recordedById: recorderId, recordedAt: now, note: input.note, signalId };
		if (input.outcome === 'not_reached' && call.retryAt === null) {
			const retryAt = now + plan.retryMinutes * 60_000;
			tx.update(checkInCalls)
				.set({ ...recorded, retryAt })
				.where(and(eq(checkInCalls.id, call.id), isNull(checkInCalls.outcome)))
				.run();
			return { ok: true, retryAt, escalated: false, cleared: false, timeZone };
		}
		const done = tx
			.update(checkInCalls)
			.set({ ...recorded, outcome: input.outcome })
			.where(and(eq(checkInCalls.id, call.id), isNull(checkInCalls.outcome)))
			.run().changes;
		if (!done) return { ok: false, error: 'gone' };
		const escalated =
			input.outcome === 'not_reached' && call.escalatedAt === null
				? (escalate(tx, { ...call, outcome: 'not_reached' }, plan, 'not_reached', origin, now),
					true)
				: false;
		// Written down late after all, and the person was reached: whoever was alarmed is told.
		const cleared = input.outcome !== 'not_reached' && call.escalatedAt !== null;
		if (cleared) allClear(tx, call, plan, timeZone, recorderId, origin, now);
		return { ok: true, retryAt: null, escalated, cleared, timeZone };
	});
}

/**
 * Nobody answered twice, or nobody wrote the call down in time: the contact person is told at
 * once on their channel (quiet hours do not hold it back), and a task goes to the top of the
 * broker's Today, marked urgent. Once per call. Logged.
 */
export function escalate(
	tx: DbOrTx,
	call: CheckInCall,
	plan: CheckInPlan,
	reason: EscalationReason,
	origin: string,
	now: number
): void {
	const marked = tx
		.update(checkInCalls)
		.set({ escalatedAt: now, escalation: reason })
		.where(and(eq(checkInCalls.id, call.id), isNull(checkInCalls.escalatedAt)))
		.run().changes;
	if (!marked) return;
	const tz = timeZoneOf(tx, plan.neighbourhoodId);
	const person = tx.select().from(users).where(eq(users.id, plan.personId)).get()!;
	createTask(
		tx,
		{
			kind: 'check_in_escalated',
			neighbourhoodId: plan.neighbourhoodId,
			subjectUserId: plan.personId,
			dedupeKey: escalatedTaskKey(call.id),
			details: { planId: plan.id, callId: call.id, reason, dueAt: call.dueAt, timeZone: tz }
		},
		now
	);
	if (plan.contactId) {
		const url = `${origin}/check-ins`;
		notifyPerson(
			tx,
			plan.contactId,
			{
				kind: 'check_in_alert',
				topic: 'urgent',
				write: (locale) => {
					const words = {
						name: isolate(person.displayName, locale),
						day: formatLocalDate(call.dueAt, tz, locale),
						time: localTime(call.dueAt, tz)
					};
					return {
						subject: m.checkins_alert_subject(words, { locale }),
						paragraphs: [
							reason === 'not_reached'
								? m.checkins_alert_not_reached(words, { locale })
								: m.checkins_alert_not_recorded(words, { locale }),
							m.checkins_alert_what({}, { locale })
						]
					};
				},
				short: (locale) =>
					m.checkins_alert_short(
						{ name: isolate(person.displayName, locale), time: localTime(call.dueAt, tz) },
						{ locale }
					),
				url
			},
			now
		);
	}
	recordAudit(
		tx,
		{
			actorId: null,
			action: 'check_in.escalate',
			subjectType: 'user',
			subjectId: plan.personId,
			neighbourhoodId: plan.neighbourhoodId,
			detail: { plan: plan.id, call: call.id, reason }
		},
		now
	);
}

/**
 * A call that had escalated ("not written down") turns out to have reached the person: the
 * contact person hears it at once, so nobody goes round for nothing, and the urgent task on
 * Today is done. Logged.
 */
function allClear(
	tx: DbOrTx,
	call: CheckInCall,
	plan: CheckInPlan,
	tz: string,
	recorderId: string,
	origin: string,
	now: number
): void {
	completeTaskByKey(tx, escalatedTaskKey(call.id), recorderId, 'reached_after_all', now);
	const person = tx.select().from(users).where(eq(users.id, plan.personId)).get()!;
	const caller = tx.select().from(users).where(eq(users.id, recorderId)).get();
	if (plan.contactId && plan.contactId !== recorderId) {
		const url = `${origin}/check-ins`;
		notifyPerson(
			tx,
			plan.contactId,
			{
				kind: 'check_in_clear',
				topic: 'urgent',
				write: (locale) => {
					const words = {
						name: isolate(person.displayName, locale),
						caller: isolate(firstName(caller?.displayName ?? ''), locale),
						day: formatLocalDate(call.dueAt, tz, locale),
						time: localTime(call.dueAt, tz)
					};
					return {
						subject: m.checkins_clear_subject(words, { locale }),
						paragraphs: [m.checkins_clear_text(words, { locale })]
					};
				},
				short: (locale) =>
					m.checkins_clear_short(
						{
							name: isolate(person.displayName, locale),
							caller: isolate(firstName(caller?.displayName ?? ''), locale)
						},
						{ locale }
					),
				url
			},
			now
		);
	}
	recordAudit(
		tx,
		{
			actorId: recorderId,
			action: 'check_in.all_clear',
			subjectType: 'user',
			subjectId: plan.personId,
			neighbourhoodId: plan.neighbourhoodId,
			detail: { plan: plan.id, call: call.id }
		},
		now
	);
}

/**
 * The job: calls of the week ahead are made; a caller whose retry is due is reminded; a call
 * nobody wrote down `graceMinutes` after it was due (or after its retry) escalates.
 */
export function runCheckIns(db: DB, now: number, origin: string): number {
	const active = db.select().from(checkInPlans).where(isNull(checkInPlans.endedAt)).all();
	for (const plan of active) db.transaction((tx) => ensureCalls(tx, plan, now));
	let done = 0;
	const retries = db
		.select({ call: checkInCalls, plan: checkInPlans })
		.from(checkInCalls)
		.innerJoin(checkInPlans, eq(checkInPlans.id, checkInCalls.planId))
		.where(
			and(
				isNull(checkInCalls.outcome),
				isNull(checkInCalls.escalatedAt),
				isNull(checkInCalls.retryRemindedAt),
				isNotNull(checkInCalls.retryAt),
				lte(checkInCalls.retryAt, now)
			)
		)
		.all();
	for (const { call, plan } of retries)
		db.transaction((tx) => {
			tx.update(checkInCalls)
				.set({ retryRemindedAt: now })
				.where(eq(checkInCalls.id, call.id))
				.run();
			if (plan.callerId) remindRetry(tx, plan, origin, now);
			done++;
		});
	const forgotten = db
		.select({ call: checkInCalls, plan: checkInPlans })
		.from(checkInCalls)
		.innerJoin(checkInPlans, eq(checkInPlans.id, checkInCalls.planId))
		.where(
			and(
				isNull(checkInCalls.outcome),
				isNull(checkInCalls.escalatedAt),
				isNull(checkInPlans.endedAt),
				or(
					and(
						isNull(checkInCalls.retryAt),
						sql`${checkInCalls.dueAt} + ${checkInPlans.graceMinutes} * 60000 <= ${now}`
					),
					sql`${checkInCalls.retryAt} + ${checkInPlans.graceMinutes} * 60000 <= ${now}`
				)
			)
		)
		.all();
	for (const { call, plan } of forgotten)
		db.transaction((tx) => {
			escalate(tx, call, plan, 'not_recorded', origin, now);
			done++;
		});
	return done;
}

function remindRetry(tx: DbOrTx, plan: CheckInPlan, origin: string, now: number) {
	const person = tx.select().from(users).where(eq(users.id, plan.personId)).get()!;
	const url = `${origin}/check-ins`;
	notifyPerson(
		tx,
		plan.callerId!,
		{
			kind: 'check_in_retry',
			topic: 'urgent',
			write: (locale) => ({
				subject: m.checkins_retry_subject(
					{ name: isolate(firstName(person.displayName), locale) },
					{ locale }
				),
				paragraphs: [m.checkins_retry_text({}, { locale })],
				action: { label: m.checkins_open({}, { locale }), url }
			}),
			url
		},
		now
	);
}

/** The calls a caller has to make or write down: overdue and today's first, then the week ahead. */
export function callsForCaller(db: DbOrTx, callerId: string, now: number) {
	return db
		.select({
			call: checkInCalls,
			person: users.displayName,
			phone: users.phone,
			timeZone: neighbourhoods.timeZone
		})
		.from(checkInCalls)
		.innerJoin(checkInPlans, eq(checkInPlans.id, checkInCalls.planId))
		.innerJoin(users, eq(users.id, checkInPlans.personId))
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, checkInPlans.neighbourhoodId))
		.where(
			and(
				eq(checkInPlans.callerId, callerId),
				isNull(checkInPlans.endedAt),
				isNull(checkInCalls.outcome),
				gt(checkInCalls.dueAt, now - 2 * 86_400_000),
				lte(checkInCalls.dueAt, now + AHEAD_DAYS * 86_400_000)
			)
		)
		.orderBy(asc(checkInCalls.dueAt))
		.all()
		.map((r) => ({
			id: r.call.id,
			dueAt: r.call.dueAt,
			retryAt: r.call.retryAt,
			escalated: r.call.escalatedAt !== null,
			person: r.person,
			phone: r.phone,
			timeZone: r.timeZone,
			canRecord: r.call.dueAt - 3_600_000 <= now
		}));
}

/** Whether someone is the caller of this call (the only one who writes it down, besides the broker). */
export function callerOf(db: DbOrTx, callId: number): string | null {
	return (
		db
			.select({ caller: checkInPlans.callerId })
			.from(checkInCalls)
			.innerJoin(checkInPlans, eq(checkInPlans.id, checkInCalls.planId))
			.where(eq(checkInCalls.id, callId))
			.get()?.caller ?? null
	);
}
