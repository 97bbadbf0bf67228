import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
	circlePlanItems,
	circles,
	circleSlots,
	neighbourhoods,
	responses,
	users
} from '../db/schema';
import { firstName } from '../profile/public';
import { circleRole } from './access';

/**
 * One moment as its viewer may see it: a member (or carer) sees it with a link to the circle; the
 * neighbour from outside who took it sees only this moment and their conversation with the centre.
 * Anyone else: null.
 */
export function slotForViewer(db: DbOrTx, slotId: number, userId: string) {
	const row = db
		.select({
			slot: circleSlots,
			circle: circles,
			title: circlePlanItems.title,
			note: circlePlanItems.note,
			centre: users.displayName,
			timeZone: neighbourhoods.timeZone
		})
		.from(circleSlots)
		.innerJoin(circles, eq(circles.id, circleSlots.circleId))
		.innerJoin(circlePlanItems, eq(circlePlanItems.id, circleSlots.itemId))
		.innerJoin(users, eq(users.id, circles.centreId))
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, circles.neighbourhoodId))
		.where(eq(circleSlots.id, slotId))
		.get();
	if (!row || row.circle.closedAt !== null) return null;
	const member = circleRole(db, row.circle, userId) !== null;
	const helper = row.slot.helperId === userId;
	if (!member && !helper) return null;
	const conversation =
		helper && row.slot.postId
			? db
					.select({ id: responses.id })
					.from(responses)
					.where(and(eq(responses.postId, row.slot.postId), eq(responses.responderId, userId)))
					.get()
			: undefined;
	return {
		id: row.slot.id,
		title: row.title,
		note: row.note,
		startsAt: row.slot.startsAt,
		timeZone: row.timeZone,
		centre: firstName(row.centre),
		// The helper from outside never gets the circle's address.
		circleId: member ? row.circle.id : null,
		conversationId: conversation?.id ?? null
	};
}
