import { and, asc, count, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import { renewSessionsAfterRoleChange } from '../auth/session';
import type { DB, DbOrTx } from '../db/client';
import { neighbourhoodBrokers, neighbourhoods, users, type Role } from '../db/schema';

/** A broker as the admin sees them on the neighbourhood page. */
export interface BrokerRow {
	id: string;
	displayName: string;
	email: string | null;
}

/** The brokers of one neighbourhood, by name. */
export function listBrokers(db: DbOrTx, neighbourhoodId: number): BrokerRow[] {
	return db
		.select({ id: users.id, displayName: users.displayName, email: users.email })
		.from(neighbourhoodBrokers)
		.innerJoin(users, eq(users.id, neighbourhoodBrokers.userId))
		.where(eq(neighbourhoodBrokers.neighbourhoodId, neighbourhoodId))
		.orderBy(asc(users.displayName))
		.all();
}

/** Whether this broker (or admin) may act in that neighbourhood. */
export function brokerCovers(
	db: DbOrTx,
	user: { id: string; role: string },
	neighbourhoodId: number | null
): boolean {
	if (user.role === 'admin') return true;
	if (neighbourhoodId === null) return false;
	const row = db
		.select({ n: neighbourhoodBrokers.neighbourhoodId })
		.from(neighbourhoodBrokers)
		.where(
			and(
				eq(neighbourhoodBrokers.userId, user.id),
				eq(neighbourhoodBrokers.neighbourhoodId, neighbourhoodId)
			)
		)
		.get();
	return !!row;
}

/** The acting person's own session made anew, when they changed their own place (for the cookie). */
type Renewed = ReturnType<typeof renewSessionsAfterRoleChange>;

export type AssignResult =
	| { ok: true; user: { id: string; displayName: string }; already: boolean; renewed: Renewed }
	| { ok: false; reason: 'no_account' | 'not_active' | 'no_neighbourhood' };

/**
 * Makes the person with this e-mail address a broker of the neighbourhood. Their role becomes
 * "broker", unless they are an admin (who can already do everything a broker can). Their sessions
 * are renewed; `actorSession` is the acting admin's, replaced when they added themselves.
 */
export function assignBroker(
	db: DB,
	actorId: string,
	neighbourhoodId: number,
	email: string,
	now: number,
	actorSession?: { id: string } | null
): AssignResult {
	return db.transaction((tx): AssignResult => {
		const hood = tx
			.select({ id: neighbourhoods.id })
			.from(neighbourhoods)
			.where(eq(neighbourhoods.id, neighbourhoodId))
			.get();
		if (!hood) return { ok: false, reason: 'no_neighbourhood' };
		const user = tx
			.select({
				id: users.id,
				displayName: users.displayName,
				role: users.role,
				status: users.status
			})
			.from(users)
			.where(eq(users.email, email.trim().toLowerCase()))
			.get();
		if (!user) return { ok: false, reason: 'no_account' };
		if (user.status !== 'active') return { ok: false, reason: 'not_active' };
		const inserted = tx
			.insert(neighbourhoodBrokers)
			.values({ neighbourhoodId, userId: user.id })
			.onConflictDoNothing()
			.run();
		const already = inserted.changes === 0;
		if (user.role === 'resident')
			tx.update(users).set({ role: 'broker' }).where(eq(users.id, user.id)).run();
		const renewed =
			!already || user.role === 'resident'
				? renewSessionsAfterRoleChange(tx, user.id, now, actorSession)
				: null;
		if (!already) {
			recordAudit(
				tx,
				{
					actorId,
					action: 'broker.assign',
					subjectType: 'user',
					subjectId: user.id,
					neighbourhoodId,
					detail: { role: user.role === 'admin' ? 'admin' : 'broker' }
				},
				now
			);
		}
		return {
			ok: true,
			user: { id: user.id, displayName: user.displayName },
			already,
			renewed
		};
	});
}

export type RemoveResult =
	| { ok: true; user: { id: string; displayName: string }; role: Role; renewed: Renewed }
	| { ok: false };

/**
 * Takes a person off a neighbourhood's brokers. A broker left without any neighbourhood becomes
 * a resident again; an admin keeps their role. Their sessions are renewed (see assignBroker).
 */
export function removeBroker(
	db: DB,
	actorId: string,
	neighbourhoodId: number,
	userId: string,
	now: number,
	actorSession?: { id: string } | null
): RemoveResult {
	return db.transaction((tx): RemoveResult => {
		const deleted = tx
			.delete(neighbourhoodBrokers)
			.where(
				and(
					eq(neighbourhoodBrokers.neighbourhoodId, neighbourhoodId),
					eq(neighbourhoodBrokers.userId, userId)
				)
			)
			.run();
		if (deleted.changes === 0) return { ok: false };
		const user = tx
			.select({ id: users.id, displayName: users.displayName, role: users.role })
			.from(users)
			.where(eq(users.id, userId))
			.get()!;
		const left =
			tx
				.select({ n: count() })
				.from(neighbourhoodBrokers)
				.where(eq(neighbourhoodBrokers.userId, userId))
				.get()?.n ?? 0;
		let role = user.role;
		if (role === 'broker' && left === 0) {
			role = 'resident';
			tx.update(users).set({ role }).where(eq(users.id, userId)).run();
		}
		const renewed = renewSessionsAfterRoleChange(tx, userId, now, actorSession);
		recordAudit(
			tx,
			{
				actorId,
				action: 'broker.remove',
				subjectType: 'user',
				subjectId: userId,
				neighbourhoodId,
				detail: { role }
			},
			now
		);
		return { ok: true, user: { id: user.id, displayName: user.displayName }, role, renewed };
	});
}

/** A neighbourhood on the broker's start page. */
export interface BrokeredNeighbourhood {
	id: number;
	name: string;
	streets: number;
}

/** The neighbourhoods this person brokers; an admin sees them all. */
export function brokeredNeighbourhoods(
	db: DbOrTx,
	user: { id: string; role: Role }
): BrokeredNeighbourhood[] {
	const base = db
		.select({
			id: neighbourhoods.id,
			name: neighbourhoods.name,
			streets: sql<number>`(select count(*) from streets s where s.neighbourhood_id = neighbourhoods.id)`
		})
		.from(neighbourhoods);
	if (user.role === 'admin') return base.orderBy(asc(neighbourhoods.name)).all();
	return base
		.innerJoin(neighbourhoodBrokers, eq(neighbourhoodBrokers.neighbourhoodId, neighbourhoods.id))
		.where(eq(neighbourhoodBrokers.userId, user.id))
		.orderBy(asc(neighbourhoods.name))
		.all();
}
