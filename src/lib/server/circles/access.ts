import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { circleMembers, circles, type Circle } from '../db/schema';
import { canActFor } from '../broker/carers';

/**
 * Who someone is in a circle. The centre and their carers decide who is in it and what goes
 * outside it; the coordinator keeps the plan going; members take moments and write on the board.
 */
export type CircleRole = 'centre' | 'carer' | 'coordinator' | 'member';

/** Whether someone is a member now (the centre is one too). */
export function isMember(db: DbOrTx, circleId: number, userId: string): boolean {
	return (
		db
			.select({ id: circleMembers.id })
			.from(circleMembers)
			.where(
				and(
					eq(circleMembers.circleId, circleId),
					eq(circleMembers.userId, userId),
					isNull(circleMembers.leftAt)
				)
			)
			.get() !== undefined
	);
}

/** Someone's role in a circle, or null for anyone outside it (who then sees nothing of it). */
export function circleRole(db: DbOrTx, circle: Circle, userId: string): CircleRole | null {
	if (circle.centreId === userId) return 'centre';
	if (canActFor(db, userId, circle.centreId)) return 'carer';
	if (!isMember(db, circle.id, userId)) return null;
	return circle.coordinatorId === userId ? 'coordinator' : 'member';
}

/** The centre, their carers and the coordinator decide who is in it and change its plan's settings. */
export const decides = (role: CircleRole | null): boolean =>
	role === 'centre' || role === 'carer' || role === 'coordinator';

/** The centre's own consent (open slots, the broker reading the board): the centre or a carer. */
export const speaksForCentre = (role: CircleRole | null): boolean =>
	role === 'centre' || role === 'carer';

/** An open circle and the viewer's role in it; null when it does not exist, is closed, or they are outside it. */
export function openCircle(
	db: DbOrTx,
	circleId: number,
	userId: string
): { circle: Circle; role: CircleRole } | null {
	const circle = db.select().from(circles).where(eq(circles.id, circleId)).get();
	if (!circle || circle.closedAt !== null) return null;
	const role = circleRole(db, circle, userId);
	return role ? { circle, role } : null;
}
