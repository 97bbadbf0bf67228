import { and, eq, gt, isNull, lte, or, isNotNull } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { formatLocalDate } from '$lib/dates';
import { isolate } from '$lib/i18n';
import { localTime } from '../calendar';
import type { DB } from '../db/client';
import { circlePlanItems, circles, circleSlots, neighbourhoods, users } from '../db/schema';
import { notifyPerson } from '../notify/notify';
import { firstName } from '../profile/public';

/** The day before: time to buy what the shopping needs, or to ask someone else. */
export const REMIND_HOURS_BEFORE = 24;

/**
 * A reminder to whoever took a moment (a member, or a neighbour from outside), once, a day
 * before, on their own channel (SMS and push wait for the end of their quiet hours).
 */
export function sendSlotReminders(db: DB, now: number, origin: string): number {
	const due = db
		.select({
			slot: circleSlots,
			title: circlePlanItems.title,
			centre: users.displayName,
			timeZone: neighbourhoods.timeZone
		})
		.from(circleSlots)
		.innerJoin(circlePlanItems, eq(circlePlanItems.id, circleSlots.itemId))
		.innerJoin(circles, eq(circles.id, circleSlots.circleId))
		.innerJoin(users, eq(users.id, circles.centreId))
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, circles.neighbourhoodId))
		.where(
			and(
				isNull(circleSlots.remindedAt),
				isNull(circleSlots.cancelledAt),
				isNull(circles.closedAt),
				or(isNotNull(circleSlots.takenById), isNotNull(circleSlots.helperId)),
				gt(circleSlots.startsAt, now),
				lte(circleSlots.startsAt, now + REMIND_HOURS_BEFORE * 3_600_000)
			)
		)
		.all();
	for (const { slot, title, centre, timeZone } of due)
		db.transaction((tx) => {
			const to = slot.helperId ?? slot.takenById!;
			const url = `${origin}/circles/slots/${slot.id}`;
			notifyPerson(
				tx,
				to,
				{
					kind: 'circle_reminder',
					topic: 'reminder',
					write: (locale) => ({
						subject: m.circles_reminder_subject(
							{
								title: isolate(title, locale),
								name: isolate(firstName(centre), locale),
								day: formatLocalDate(slot.startsAt, timeZone, locale),
								time: localTime(slot.startsAt, timeZone)
							},
							{ locale }
						),
						paragraphs: [m.circles_reminder_text({}, { locale })],
						action: { label: m.circles_mail_open({}, { locale }), url }
					}),
					url
				},
				now
			);
			tx.update(circleSlots).set({ remindedAt: now }).where(eq(circleSlots.id, slot.id)).run();
		});
	return due.length;
}
