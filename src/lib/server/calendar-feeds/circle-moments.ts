import { and, eq, gte, inArray, isNull } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { isolate } from '$lib/i18n';
import {
	checkInCalls,
	checkInPlans,
	circleMembers,
	circlePlanItems,
	circles,
	circleSlots,
	neighbourhoods,
	users
} from '../db/schema';
import { firstName } from '../profile/public';
import { feedUid, type FeedEvent, type FeedSource } from './events';

const MINUTE = 60_000;
/** A check-in call takes a quarter of an hour in the calendar. */
const CALL_MINUTES = 15;

/**
 * The moments of every circle the person is in: what, around whom, and who took it (or that
 * nobody did yet), so each member sees the plan in their own calendar. No place: the members know it.
 */
export const circleMoments: FeedSource<{ userId: string }> = (db, { userId }, reader) => {
	const mine = db
		.select({ id: circleMembers.circleId })
		.from(circleMembers)
		.where(and(eq(circleMembers.userId, userId), isNull(circleMembers.leftAt)));
	const taker = db.select({ id: users.id, name: users.displayName }).from(users).as('taker');
	return db
		.select({
			slot: circleSlots,
			title: circlePlanItems.title,
			minutes: circlePlanItems.durationMinutes,
			centre: users.displayName,
			taker: taker.name,
			timeZone: neighbourhoods.timeZone
		})
		.from(circleSlots)
		.innerJoin(circlePlanItems, eq(circlePlanItems.id, circleSlots.itemId))
		.innerJoin(circles, eq(circles.id, circleSlots.circleId))
		.innerJoin(users, eq(users.id, circles.centreId))
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, circles.neighbourhoodId))
		.leftJoin(taker, eq(taker.id, circleSlots.takenById))
		.where(
			and(
				inArray(circleSlots.circleId, mine),
				isNull(circles.closedAt),
				isNull(circleSlots.cancelledAt),
				gte(circleSlots.startsAt, reader.since)
			)
		)
		.all()
		.map((r): FeedEvent => {
			const words = {
				title: isolate(r.title, reader.locale),
				centre: isolate(firstName(r.centre), reader.locale)
			};
			const who =
				r.slot.takenById === userId
					? m.circles_feed_you({}, { locale: reader.locale })
					: r.taker
						? isolate(firstName(r.taker), reader.locale)
						: r.slot.helperId
							? m.circles_feed_neighbour({}, { locale: reader.locale })
							: m.circles_feed_nobody({}, { locale: reader.locale });
			return {
				uid: feedUid(`circle-slot-${r.slot.id}`, reader.origin),
				summary: m.circles_feed_summary({ ...words, who }, { locale: reader.locale }),
				url: `${reader.origin}/circles/${r.slot.circleId}`,
				location: null,
				when: {
					at: r.slot.startsAt,
					until: r.slot.startsAt + r.minutes * MINUTE,
					timeZone: r.timeZone
				}
			};
		});
};

/** The check-in calls the person makes. */
export const ownCheckInCalls: FeedSource<{ userId: string }> = (db, { userId }, reader) =>
	db
		.select({ call: checkInCalls, person: users.displayName, timeZone: neighbourhoods.timeZone })
		.from(checkInCalls)
		.innerJoin(checkInPlans, eq(checkInPlans.id, checkInCalls.planId))
		.innerJoin(users, eq(users.id, checkInPlans.personId))
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, checkInPlans.neighbourhoodId))
		.where(
			and(
				eq(checkInPlans.callerId, userId),
				isNull(checkInPlans.endedAt),
				gte(checkInCalls.dueAt, reader.since)
			)
		)
		.all()
		.map((r): FeedEvent => ({
			uid: feedUid(`check-in-call-${r.call.id}`, reader.origin),
			summary: m.checkins_feed_summary(
				{ name: isolate(firstName(r.person), reader.locale) },
				{ locale: reader.locale }
			),
			url: `${reader.origin}/check-ins`,
			location: null,
			when: { at: r.call.dueAt, until: r.call.dueAt + CALL_MINUTES * MINUTE, timeZone: r.timeZone }
		}));
