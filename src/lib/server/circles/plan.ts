import { and, asc, eq, gte, isNull, lt, or, isNotNull } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { PLAN_DAYS, type PlanRepeat } from '$lib/circles/lists';
import { isolate } from '$lib/i18n';
import type { DB, DbOrTx } from '../db/client';
import {
	circlePlanItems,
	circles,
	circleSlots,
	neighbourhoods,
	posts,
	users,
	type Circle,
	type CirclePlanItem
} from '../db/schema';
import { days, localDate, localInstant, shiftDate } from '../calendar';
import { notifyPerson } from '../notify/notify';
import { completeTaskByKey } from '../tasks/tasks';
import { firstName } from '../profile/public';
import { isMember } from './access';

/** The dedupe key of the broker's task for a moment nobody took. */
export const openSlotTaskKey = (slotId: number) => `circle-slot:${slotId}`;

/** Slots are kept ready a little beyond the plan's two weeks, so the open-slot offer can look ahead. */
const READY_DAYS = PLAN_DAYS + 7;

/**
 * The local days and instants a plan item happens on between two local dates (inclusive): a
 * weekly one on the weekday of its first day, at the same wall-clock time in summer and winter.
 */
export function occurrences(
	item: Pick<CirclePlanItem, 'repeat' | 'date' | 'time'>,
	from: string,
	to: string,
	timeZone: string
): { date: string; startsAt: number }[] {
	const at = (date: string) => ({ date, startsAt: localInstant(date, item.time, timeZone) });
	if (item.repeat === 'once') return item.date >= from && item.date <= to ? [at(item.date)] : [];
	let date = item.date;
	// Jump to the first week on or after `from`, in whole weeks from the item's own day.
	if (date < from) {
		const gap = Math.ceil((Date.parse(from) - Date.parse(date)) / days(7));
		date = shiftDate(date, gap * 7);
	}
	const out: { date: string; startsAt: number }[] = [];
	for (; date <= to; date = shiftDate(date, 7)) out.push(at(date));
	return out;
}

/** The neighbourhood's time zone of a circle. */
export function circleTimeZone(db: DbOrTx, circle: Pick<Circle, 'neighbourhoodId'>): string {
	return db
		.select({ tz: neighbourhoods.timeZone })
		.from(neighbourhoods)
		.where(eq(neighbourhoods.id, circle.neighbourhoodId))
		.get()!.tz;
}

/** Makes the slots of the weeks ahead that do not exist yet (idempotent). */
export function ensureSlots(db: DbOrTx, circle: Circle, now: number): number {
	const tz = circleTimeZone(db, circle);
	const from = localDate(now, tz);
	const to = shiftDate(from, READY_DAYS);
	const items = db
		.select()
		.from(circlePlanItems)
		.where(and(eq(circlePlanItems.circleId, circle.id), isNull(circlePlanItems.removedAt)))
		.all();
	let made = 0;
	for (const item of items)
		for (const o of occurrences(item, from, to, tz)) {
			if (o.startsAt <= now) continue;
			made += db
				.insert(circleSlots)
				.values({ circleId: circle.id, itemId: item.id, startsAt: o.startsAt })
				.onConflictDoNothing()
				.run().changes;
		}
	return made;
}

/** Every open circle's slots, for the job. */
export function ensureAllSlots(db: DB, now: number): number {
	let made = 0;
	for (const circle of db.select().from(circles).where(isNull(circles.closedAt)).all())
		made += db.transaction((tx) => ensureSlots(tx, circle, now));
	return made;
}

export interface PlanItemInput {
	title: string;
	note: string;
	categoryId: number | null;
	repeat: PlanRepeat;
	date: string;
	time: string;
	durationMinutes: number;
	/** From the form: the same key twice adds the task once. */
	submissionKey?: string | null;
}

/**
 * A member adds a task to the plan; its slots for the weeks ahead are made at once. The same
 * submission key twice (a double click) returns the task added the first time.
 */
export function addPlanItem(
	db: DB,
	circle: Circle,
	input: PlanItemInput,
	actorId: string,
	now: number
): CirclePlanItem {
	return db.transaction((tx) => {
		const item = tx
			.insert(circlePlanItems)
			.values({ ...input, circleId: circle.id, createdById: actorId, createdAt: now })
			.onConflictDoNothing()
			.returning()
			.all()[0];
		if (!item)
			return tx
				.select()
				.from(circlePlanItems)
				.where(
					and(
						eq(circlePlanItems.createdById, actorId),
						eq(circlePlanItems.submissionKey, input.submissionKey!)
					)
				)
				.get()!;
		ensureSlots(tx, circle, now);
		return item;
	});
}

/** A task leaves the plan: its moments to come are cancelled, a request it became is closed. */
export function removePlanItem(db: DB, circle: Circle, itemId: number, now: number): boolean {
	return db.transaction((tx) => {
		const removed = tx
			.update(circlePlanItems)
			.set({ removedAt: now })
			.where(
				and(
					eq(circlePlanItems.id, itemId),
					eq(circlePlanItems.circleId, circle.id),
					isNull(circlePlanItems.removedAt)
				)
			)
			.run().changes;
		if (!removed) return false;
		const future = and(eq(circleSlots.itemId, itemId), gte(circleSlots.startsAt, now));
		for (const s of tx.select().from(circleSlots).where(future).all())
			if (s.postId) closeSlotRequest(tx, s.postId, now);
		for (const s of tx.select({ id: circleSlots.id }).from(circleSlots).where(future).all())
			completeTaskByKey(tx, openSlotTaskKey(s.id), null, 'removed_from_plan', now);
		tx.update(circleSlots).set({ cancelledAt: now }).where(future).run();
		return true;
	});
}

/** The request an untaken moment became leaves the open list (someone in the circle took it). */
function closeSlotRequest(tx: DbOrTx, postId: number, now: number) {
	tx.update(posts)
		.set({ status: 'closed', updatedAt: now })
		.where(and(eq(posts.id, postId), eq(posts.status, 'open')))
		.run();
}

/** One moment as the plan shows it. */
export interface PlanSlot {
	id: number;
	itemId: number;
	title: string;
	note: string;
	startsAt: number;
	durationMinutes: number;
	takenById: string | null;
	takenBy: string | null;
	swapAsked: boolean;
	/** A neighbour from outside took it: their first name only. */
	helper: string | null;
	offeredTo: string | null;
	open: boolean;
}

/** The moments of the next two weeks, in order, with who took them and which nobody did. */
export function planView(db: DbOrTx, circle: Circle, now: number): PlanSlot[] {
	const taker = db.select({ id: users.id, name: users.displayName }).from(users).as('taker');
	const helper = db.select({ id: users.id, name: users.displayName }).from(users).as('helper');
	return db
		.select({
			slot: circleSlots,
			title: circlePlanItems.title,
			note: circlePlanItems.note,
			durationMinutes: circlePlanItems.durationMinutes,
			takenBy: taker.name,
			helper: helper.name
		})
		.from(circleSlots)
		.innerJoin(circlePlanItems, eq(circlePlanItems.id, circleSlots.itemId))
		.leftJoin(taker, eq(taker.id, circleSlots.takenById))
		.leftJoin(helper, eq(helper.id, circleSlots.helperId))
		.where(
			and(
				eq(circleSlots.circleId, circle.id),
				isNull(circleSlots.cancelledAt),
				gte(circleSlots.startsAt, now),
				lt(circleSlots.startsAt, now + days(PLAN_DAYS))
			)
		)
		.orderBy(asc(circleSlots.startsAt), asc(circleSlots.id))
		.all()
		.map((r) => ({
			id: r.slot.id,
			itemId: r.slot.itemId,
			title: r.title,
			note: r.note,
			startsAt: r.slot.startsAt,
			durationMinutes: r.durationMinutes,
			takenById: r.slot.takenById,
			takenBy: r.takenBy,
			swapAsked: r.slot.swapAskedAt !== null,
			helper: r.helper ? firstName(r.helper) : null,
			offeredTo: r.slot.offeredTo,
			open: r.slot.takenById === null && r.slot.helperId === null
		}));
}

/** The plan's tasks (not their moments), for the list of what is planned. */
export function planItems(db: DbOrTx, circle: Circle): CirclePlanItem[] {
	return db
		.select()
		.from(circlePlanItems)
		.where(and(eq(circlePlanItems.circleId, circle.id), isNull(circlePlanItems.removedAt)))
		.orderBy(asc(circlePlanItems.date), asc(circlePlanItems.time))
		.all();
}

export type SlotAnswer = 'ok' | 'gone' | 'taken' | 'not_member';

/**
 * A member takes a moment nobody took, or one whose taker asked for a swap (they are told). A
 * request it already became leaves the open list. One conditional update: two members taking
 * the same moment at once cannot both have it.
 */
export function takeSlot(
	db: DB,
	circle: Circle,
	slotId: number,
	userId: string,
	origin: string,
	now: number
): SlotAnswer {
	return db.transaction((tx) => {
		if (!isMember(tx, circle.id, userId)) return 'not_member';
		const slot = tx
			.select()
			.from(circleSlots)
			.where(and(eq(circleSlots.id, slotId), eq(circleSlots.circleId, circle.id)))
			.get();
		if (!slot || slot.cancelledAt !== null || slot.startsAt <= now) return 'gone';
		const taken = tx
			.update(circleSlots)
			.set({ takenById: userId, takenAt: now, swapAskedAt: null, remindedAt: null })
			.where(
				and(
					eq(circleSlots.id, slotId),
					isNull(circleSlots.helperId),
					or(isNull(circleSlots.takenById), isNotNull(circleSlots.swapAskedAt))
				)
			)
			.run().changes;
		if (!taken) return 'taken';
		if (slot.postId) closeSlotRequest(tx, slot.postId, now);
		// The broker no longer needs to find someone for it.
		completeTaskByKey(tx, openSlotTaskKey(slot.id), userId, 'taken_in_circle', now);
		if (slot.takenById && slot.takenById !== userId)
			tellSwapped(tx, circle, slot, userId, origin, now);
		return 'ok';
	});
}

/** The member who asked for a swap hears who took their moment. */
function tellSwapped(
	tx: DbOrTx,
	circle: Circle,
	slot: { takenById: string | null; startsAt: number; itemId: number },
	byId: string,
	origin: string,
	now: number
) {
	const by = tx.select().from(users).where(eq(users.id, byId)).get();
	const item = tx.select().from(circlePlanItems).where(eq(circlePlanItems.id, slot.itemId)).get();
	const url = `${origin}/circles/${circle.id}`;
	notifyPerson(
		tx,
		slot.takenById!,
		{
			kind: 'circle_swapped',
			topic: 'reminder',
			write: (locale) => ({
				subject: m.circles_mail_swapped_subject(
					{
						name: isolate(firstName(by?.displayName ?? ''), locale),
						title: isolate(item?.title ?? '', locale)
					},
					{ locale }
				),
				paragraphs: [m.circles_mail_swapped_text({}, { locale })],
				action: { label: m.circles_mail_open({}, { locale }), url }
			}),
			url
		},
		now
	);
}

/** The member who took a moment gives it back: open again for the others. */
export function giveBackSlot(
	db: DbOrTx,
	circleId: number,
	slotId: number,
	userId: string,
	now: number
) {
	return (
		db
			.update(circleSlots)
			.set({ takenById: null, takenAt: null, swapAskedAt: null, remindedAt: null })
			.where(
				and(
					eq(circleSlots.id, slotId),
					eq(circleSlots.circleId, circleId),
					eq(circleSlots.takenById, userId),
					gte(circleSlots.startsAt, now)
				)
			)
			.run().changes > 0
	);
}

/** The member who took a moment looks for someone to swap with: it stays theirs until then. */
export function askSwap(db: DbOrTx, circleId: number, slotId: number, userId: string, now: number) {
	return (
		db
			.update(circleSlots)
			.set({ swapAskedAt: now })
			.where(
				and(
					eq(circleSlots.id, slotId),
					eq(circleSlots.circleId, circleId),
					eq(circleSlots.takenById, userId),
					gte(circleSlots.startsAt, now)
				)
			)
			.run().changes > 0
	);
}
