import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { formatLocalDate } from '$lib/dates';
import { isolate } from '$lib/i18n';
import { recordAudit } from '../audit/audit';
import { localDate, localTime } from '../calendar';
import type { DB, DbOrTx } from '../db/client';
import {
	categories,
	circlePlanItems,
	circles,
	circleSlots,
	posts,
	users,
	type Circle,
	type CircleSlot,
	type Post
} from '../db/schema';
import { notifyPerson } from '../notify/notify';
import { createPost } from '../posts/create';
import { acceptResponseIn, respond } from '../posts/responses';
import { firstName } from '../profile/public';
import { createTask } from '../tasks/tasks';
import { isMember } from './access';
import { circleTimeZone, openSlotTaskKey } from './plan';

/** A task without a kind of help goes to the open list as small jobs. */
const FALLBACK_CATEGORY = 'small-jobs';

/** Minutes after midnight as "HH:MM", capped at the end of the day. */
const clockTime = (minutes: number) => {
	const m = Math.min(minutes, 23 * 60 + 59);
	return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/**
 * Moments nobody in the circle took, `offerHoursBefore` before they are due, go where the centre
 * agreed: a request on the open list (placed for the centre, at their approximate place as every
 * request), a task on the broker's Today, or (no consent) only a word to the coordinator. Once
 * per moment. Returns how many were offered.
 */
export function offerOpenSlots(db: DB, now: number, origin: string): number {
	const due = db
		.select({ slot: circleSlots, circle: circles, item: circlePlanItems })
		.from(circleSlots)
		.innerJoin(circles, eq(circles.id, circleSlots.circleId))
		.innerJoin(circlePlanItems, eq(circlePlanItems.id, circleSlots.itemId))
		.where(
			and(
				isNull(circleSlots.takenById),
				isNull(circleSlots.helperId),
				isNull(circleSlots.offeredAt),
				isNull(circleSlots.cancelledAt),
				isNull(circles.closedAt),
				gt(circleSlots.startsAt, now),
				sql`${circleSlots.startsAt} - ${circles.offerHoursBefore} * 3600000 <= ${now}`
			)
		)
		.all();
	for (const { slot, circle, item } of due)
		db.transaction((tx) => offerSlot(tx, circle, slot, item, now, origin));
	return due.length;
}

function offerSlot(
	tx: DbOrTx,
	circle: Circle,
	slot: CircleSlot,
	item: typeof circlePlanItems.$inferSelect,
	now: number,
	origin: string
) {
	let offeredTo = circle.openSlots;
	let postId: number | null = null;
	if (offeredTo === 'open_list') {
		postId = placeRequest(tx, circle, slot, item, now);
		// The centre has no place on the map (yet): the broker finds someone instead.
		if (postId === null) offeredTo = 'broker';
	}
	if (offeredTo === 'broker')
		createTask(
			tx,
			{
				kind: 'circle_open_slot',
				neighbourhoodId: circle.neighbourhoodId,
				subjectUserId: circle.centreId,
				dedupeKey: openSlotTaskKey(slot.id),
				details: {
					circleId: circle.id,
					slotId: slot.id,
					title: item.title,
					startsAt: slot.startsAt,
					timeZone: circleTimeZone(tx, circle)
				}
			},
			now
		);
	tx.update(circleSlots)
		.set({ offeredAt: now, offeredTo, postId })
		.where(eq(circleSlots.id, slot.id))
		.run();
	tellCoordinator(tx, circle, item.title, slot.startsAt, offeredTo, origin, now);
}

/** The request placed for the centre; null when they have no place to put it at. */
function placeRequest(
	tx: DbOrTx,
	circle: Circle,
	slot: CircleSlot,
	item: typeof circlePlanItems.$inferSelect,
	now: number
): number | null {
	const tz = circleTimeZone(tx, circle);
	const categoryId =
		item.categoryId ??
		tx
			.select({ id: categories.id })
			.from(categories)
			.where(eq(categories.slug, FALLBACK_CATEGORY))
			.get()?.id;
	if (!categoryId) return null;
	const [h, mi] = item.time.split(':').map(Number) as [number, number];
	const result = createPost(
		tx,
		circle.centreId,
		{
			kind: 'request',
			categoryId,
			title: item.title,
			body: item.note,
			whenType: 'window',
			whenDate: localDate(slot.startsAt, tz),
			whenFrom: localTime(slot.startsAt, tz),
			whenTo: clockTime(h * 60 + mi + item.durationMinutes),
			durationMinutes: item.durationMinutes,
			helpersNeeded: 1,
			standing: false,
			place: { type: 'home' },
			submissionKey: `circle-slot-${slot.id}`
		},
		true,
		now,
		{ placedById: circle.coordinatorId ?? circle.centreId, publishAtOnce: true }
	);
	if (!result.ok) return null;
	// It leaves the list when the moment has passed, not after the usual weeks.
	tx.update(posts).set({ expiresAt: slot.startsAt }).where(eq(posts.id, result.post.id)).run();
	return result.post.id;
}

function tellCoordinator(
	tx: DbOrTx,
	circle: Circle,
	title: string,
	startsAt: number,
	offeredTo: string,
	origin: string,
	now: number
) {
	const url = `${origin}/circles/${circle.id}`;
	const tz = circleTimeZone(tx, circle);
	notifyPerson(
		tx,
		circle.coordinatorId ?? circle.centreId,
		{
			kind: 'circle_open_slot',
			topic: 'reminder',
			write: (locale) => ({
				subject: m.circles_mail_open_subject(
					{
						title: isolate(title, locale),
						day: formatLocalDate(startsAt, tz, locale),
						time: localTime(startsAt, tz)
					},
					{ locale }
				),
				paragraphs: [
					offeredTo === 'open_list'
						? m.circles_mail_open_list({}, { locale })
						: offeredTo === 'broker'
							? m.circles_mail_open_broker({}, { locale })
							: m.circles_mail_open_keep({}, { locale })
				],
				action: { label: m.circles_mail_open({}, { locale }), url }
			}),
			url
		},
		now
	);
}

/** The moment an open-list request stands for, if it is one. */
export function slotOfPost(db: DbOrTx, postId: number): CircleSlot | null {
	return db.select().from(circleSlots).where(eq(circleSlots.postId, postId)).get() ?? null;
}

export type TakeAnswer =
	{ ok: true; slotId: number } | { ok: false; error: 'member' | 'gone' | string };

/**
 * A neighbour from outside the circle takes the moment from the open list: the same rule of who
 * may help as any request, then a match with the centre (so they can talk, and the follow-up
 * asks how it went) in one IMMEDIATE transaction with the slot. They see only that slot.
 */
export function takeFromOpenList(
	db: DB,
	post: Post,
	helperId: string,
	origin: string,
	now: number
): TakeAnswer {
	const slot = slotOfPost(db, post.id);
	if (!slot || slot.cancelledAt !== null || slot.startsAt <= now)
		return { ok: false, error: 'gone' };
	if (isMember(db, slot.circleId, helperId)) return { ok: false, error: 'member' };
	const answered = respond(db, post, helperId, '', now);
	if (!answered.ok) return { ok: false, error: answered.error };
	return db.transaction(
		(tx): TakeAnswer => {
			const free = tx
				.update(circleSlots)
				.set({ helperId })
				.where(
					and(
						eq(circleSlots.id, slot.id),
						isNull(circleSlots.helperId),
						isNull(circleSlots.takenById)
					)
				)
				.run().changes;
			if (!free) return { ok: false, error: 'full' };
			const accepted = acceptResponseIn(tx, answered.response.id, helperId, now);
			if (!accepted.ok) {
				tx.update(circleSlots).set({ helperId: null }).where(eq(circleSlots.id, slot.id)).run();
				return { ok: false, error: accepted.error };
			}
			const circle = tx.select().from(circles).where(eq(circles.id, slot.circleId)).get()!;
			const helper = tx.select().from(users).where(eq(users.id, helperId)).get()!;
			recordAudit(
				tx,
				{
					actorId: helperId,
					action: 'circle.outside_take',
					subjectType: 'user',
					subjectId: circle.centreId,
					neighbourhoodId: circle.neighbourhoodId,
					detail: { circle: circle.id, slot: slot.id, post: post.id }
				},
				now
			);
			const url = `${origin}/circles/${circle.id}`;
			notifyPerson(
				tx,
				circle.coordinatorId ?? circle.centreId,
				{
					kind: 'circle_outside_take',
					topic: 'reminder',
					write: (locale) => ({
						subject: m.circles_mail_outside_subject(
							{
								name: isolate(firstName(helper.displayName), locale),
								title: isolate(post.title, locale)
							},
							{ locale }
						),
						paragraphs: [m.circles_mail_outside_text({}, { locale })],
						action: { label: m.circles_mail_open({}, { locale }), url }
					}),
					url
				},
				now
			);
			return { ok: true, slotId: slot.id };
		},
		{ behavior: 'immediate' }
	);
}
