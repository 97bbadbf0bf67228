import type { RequestEvent } from '@sveltejs/kit';
import { and, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { db } from '../../db';
import { lendingDeskStaff, loans, neighbourhoodBrokers, tools, users } from '../../db/schema';
import { localToday } from './today';
import { brokerCovers } from '../../neighbourhoods/brokers';
import { refuse, requireSecondFactor, requireUser } from '../../auth/guard';
import type { SessionUser } from '../../auth/session';

/**
 * Who may run the lending desk of a neighbourhood: admins, its brokers, and residents given the
 * lending-desk role.
 */
export function isDeskStaff(d: DbOrTx, userId: string, neighbourhoodId: number): boolean {
	const user = d.select({ role: users.role }).from(users).where(eq(users.id, userId)).get();
	if (!user) return false;
	if (brokerCovers(d, { id: userId, role: user.role }, neighbourhoodId)) return true;
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
	if (!isDeskStaff(db, user.id, neighbourhoodId)) refuse(event, user, `desk:${neighbourhoodId}`);
	// security: everyone at the desk, desk volunteers included, passes the second factor first.
	requireSecondFactor(event, user, true);
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
	// An admin without a neighbourhood of their own names one (?n=): no desk is guessed for them.
	return null;
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
	if (neighbourhoodId == null) refuse(event, user, 'desk');
	if (!isDeskStaff(db, user.id, neighbourhoodId)) refuse(event, user, `desk:${neighbourhoodId}`);
	// As in requireDesk: nobody who has not entered their code yet sees a desk page.
	requireSecondFactor(event, user, true);
	return { user, neighbourhoodId };
}

/**
 * security: whether the desk shows phone numbers and e-mail addresses, and finds people by phone.
 * Brokers of the neighbourhood and admins do (they see residents' details anyway); desk
 * volunteers only what lending needs: names, and the contact details of someone with a late tool
 * of this desk (`lateBorrowerId`).
 */
export function deskSeesContact(
	d: DbOrTx,
	user: SessionUser,
	neighbourhoodId: number,
	now: number,
	lateBorrowerId: string | null = null
): boolean {
	if (brokerCovers(d, user, neighbourhoodId)) return true;
	if (lateBorrowerId === null) return false;
	const today = localToday(d, neighbourhoodId, now);
	const late = d
		.select({ id: loans.id })
		.from(loans)
		.innerJoin(tools, eq(tools.id, loans.toolId))
		.where(
			and(
				eq(loans.borrowerId, lateBorrowerId),
				eq(loans.status, 'on_loan'),
				lt(loans.endDate, today),
				eq(tools.neighbourhoodId, neighbourhoodId)
			)
		)
		.get();
	return !!late;
}
