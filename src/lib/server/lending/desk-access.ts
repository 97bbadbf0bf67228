import { error, type RequestEvent } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { db } from '../db';
import { lendingDeskStaff, neighbourhoodBrokers, users } from '../db/schema';
import { requireSecondFactor, requireUser } from '../auth/guard';
import type { SessionUser } from '../auth/session';

/**
 * Who may run the lending desk of a neighbourhood: admins, its brokers, and residents given the
 * lending-desk role.
 */
export function isDeskStaff(d: DbOrTx, userId: string, neighbourhoodId: number): boolean {
	const user = d.select({ role: users.role }).from(users).where(eq(users.id, userId)).get();
	if (!user) return false;
	if (user.role === 'admin') return true;
	const broker = d
		.select({ n: neighbourhoodBrokers.neighbourhoodId })
		.from(neighbourhoodBrokers)
		.where(
			and(
				eq(neighbourhoodBrokers.userId, userId),
				eq(neighbourhoodBrokers.neighbourhoodId, neighbourhoodId)
			)
		)
		.get();
	if (broker) return true;
	const staff = d
		.select({ n: lendingDeskStaff.neighbourhoodId })
		.from(lendingDeskStaff)
		.where(
			and(
				eq(lendingDeskStaff.userId, userId),
				eq(lendingDeskStaff.neighbourhoodId, neighbourhoodId)
			)
		)
		.get();
	return !!staff;
}

/** Signed in and allowed to run this neighbourhood's desk; others get 403. */
export function requireDesk(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	neighbourhoodId: number
): SessionUser {
	const user = requireUser(event);
	if (!isDeskStaff(db, user.id, neighbourhoodId)) error(403, 'forbidden');
	// Brokers and admins pass their second factor here too; desk volunteers are residents.
	requireSecondFactor(event, user);
	return user;
}

/** The neighbourhood whose desk this person runs: their own, or the first they broker. */
export function deskNeighbourhood(d: DbOrTx, user: SessionUser): number | null {
	const own = d
		.select({ n: users.neighbourhoodId })
		.from(users)
		.where(eq(users.id, user.id))
		.get()?.n;
	if (own != null && isDeskStaff(d, user.id, own)) return own;
	const broker = d
		.select({ n: neighbourhoodBrokers.neighbourhoodId })
		.from(neighbourhoodBrokers)
		.where(eq(neighbourhoodBrokers.userId, user.id))
		.get();
	if (broker) return broker.n;
	const staff = d
		.select({ n: lendingDeskStaff.neighbourhoodId })
		.from(lendingDeskStaff)
		.where(eq(lendingDeskStaff.userId, user.id))
		.get();
	if (staff) return staff.n;
	return user.role === 'admin' ? (own ?? 1) : null;
}

/** For /desk pages without a tool or loan in the address: the person's desk, or 403. */
export function requireSomeDesk(event: Pick<RequestEvent, 'locals' | 'url'>): {
	user: SessionUser;
	neighbourhoodId: number;
} {
	const user = requireUser(event);
	const asked = Number(event.url.searchParams.get('n'));
	const neighbourhoodId =
		Number.isInteger(asked) && asked > 0 ? asked : deskNeighbourhood(db, user);
	if (neighbourhoodId == null || !isDeskStaff(db, user.id, neighbourhoodId))
		error(403, 'forbidden');
	// As in requireDesk: a broker or admin who has not entered their code yet sees no desk page.
	requireSecondFactor(event, user);
	return { user, neighbourhoodId };
}
