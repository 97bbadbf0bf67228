import { and, asc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import { renewSessionsAfterRoleChange } from '../auth/session';
import type { DB, DbOrTx, Tx } from '../db/client';
import {
	neighbourhoods,
	partnerLinks,
	services,
	steeringLinks,
	users,
	type Role
} from '../db/schema';

/**
 * The two back-office roles of issue 21, granted and taken away here only (audited):
 * - a partner (a social worker, home care, a GP practice, a school) belongs to one service on a
 *   neighbourhood's social map, granted by a broker of that neighbourhood;
 * - a steering-group or funder member reads the reports and signal bundles of the neighbourhoods
 *   an admin gave them.
 * Both are work accounts: a resident's account becomes one, and becomes a resident's again when
 * its last link is taken away. Brokers and admins cannot be made one (they see more already).
 */

/** Where a person lands after signing in when no page was asked for: a work account on its own pages. */
export function startPageOf(role: Role): string {
	if (role === 'partner') return '/partner';
	if (role === 'steering') return '/steering';
	return '/';
}

/** The services a partner account refers from (active links only), with their neighbourhood. */
export function partnerServices(db: DbOrTx, userId: string) {
	return db
		.select({
			linkId: partnerLinks.id,
			serviceId: services.id,
			serviceName: services.name,
			neighbourhoodId: services.neighbourhoodId,
			neighbourhoodName: neighbourhoods.name
		})
		.from(partnerLinks)
		.innerJoin(services, eq(services.id, partnerLinks.serviceId))
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, services.neighbourhoodId))
		.where(
			and(
				eq(partnerLinks.userId, userId),
				isNull(partnerLinks.revokedAt),
				isNull(services.removedAt)
			)
		)
		.orderBy(asc(services.name))
		.all();
}

/** The neighbourhoods a steering-group account reads (active links only). */
export function steeringNeighbourhoods(db: DbOrTx, userId: string) {
	return db
		.select({ id: neighbourhoods.id, name: neighbourhoods.name, linkId: steeringLinks.id })
		.from(steeringLinks)
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, steeringLinks.neighbourhoodId))
		.where(and(eq(steeringLinks.userId, userId), isNull(steeringLinks.revokedAt)))
		.orderBy(asc(neighbourhoods.name))
		.all();
}

/** Partner accounts of the services of one neighbourhood, for its brokers' page. */
export function partnersOfNeighbourhood(db: DbOrTx, neighbourhoodId: number) {
	return db
		.select({
			linkId: partnerLinks.id,
			userId: users.id,
			displayName: users.displayName,
			email: users.email,
			serviceId: services.id,
			serviceName: services.name,
			grantedAt: partnerLinks.grantedAt
		})
		.from(partnerLinks)
		.innerJoin(services, eq(services.id, partnerLinks.serviceId))
		.innerJoin(users, eq(users.id, partnerLinks.userId))
		.where(and(eq(services.neighbourhoodId, neighbourhoodId), isNull(partnerLinks.revokedAt)))
		.orderBy(asc(services.name), asc(users.displayName))
		.all();
}

/** Steering-group accounts of one neighbourhood, for the admin's page. */
export function steeringOfNeighbourhood(db: DbOrTx, neighbourhoodId: number) {
	return db
		.select({
			linkId: steeringLinks.id,
			userId: users.id,
			displayName: users.displayName,
			email: users.email,
			grantedAt: steeringLinks.grantedAt
		})
		.from(steeringLinks)
		.innerJoin(users, eq(users.id, steeringLinks.userId))
		.where(and(eq(steeringLinks.neighbourhoodId, neighbourhoodId), isNull(steeringLinks.revokedAt)))
		.orderBy(asc(users.displayName))
		.all();
}

type Renewed = ReturnType<typeof renewSessionsAfterRoleChange>;

export type GrantResult =
	| { ok: true; userId: string; displayName: string; already: boolean; renewed: Renewed }
	| { ok: false; reason: 'no_account' | 'not_active' | 'other_role' | 'not_found' };

export type RevokeResult = { ok: true; role: Role; renewed: Renewed } | { ok: false };

/** The account with this address, if it may take the role (a resident, or already in it). */
function candidate(tx: Tx, email: string, role: 'partner' | 'steering') {
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
	if (!user) return { ok: false as const, reason: 'no_account' as const };
	if (user.status !== 'active') return { ok: false as const, reason: 'not_active' as const };
	if (user.role !== 'resident' && user.role !== role)
		return { ok: false as const, reason: 'other_role' as const };
	return { ok: true as const, user };
}

/** A broker of the service's neighbourhood makes the account with this address a partner of it. */
export function grantPartner(
	db: DB,
	actorId: string,
	serviceId: number,
	email: string,
	now: number
): GrantResult {
	return db.transaction((tx): GrantResult => {
		const service = tx
			.select({ id: services.id, neighbourhoodId: services.neighbourhoodId })
			.from(services)
			.where(and(eq(services.id, serviceId), isNull(services.removedAt)))
			.get();
		if (!service) return { ok: false, reason: 'not_found' };
		const found = candidate(tx, email, 'partner');
		if (!found.ok) return found;
		const { user } = found;
		const active = tx
			.select({ id: partnerLinks.id })
			.from(partnerLinks)
			.where(
				and(
					eq(partnerLinks.userId, user.id),
					eq(partnerLinks.serviceId, serviceId),
					isNull(partnerLinks.revokedAt)
				)
			)
			.get();
		if (active)
			return {
				ok: true,
				userId: user.id,
				displayName: user.displayName,
				already: true,
				renewed: null
			};
		tx.insert(partnerLinks)
			.values({ userId: user.id, serviceId, grantedById: actorId, grantedAt: now })
			.run();
		if (user.role !== 'partner')
			tx.update(users).set({ role: 'partner' }).where(eq(users.id, user.id)).run();
		const renewed = renewSessionsAfterRoleChange(tx, user.id, now);
		recordAudit(
			tx,
			{
				actorId,
				action: 'partner.grant',
				subjectType: 'user',
				subjectId: user.id,
				neighbourhoodId: service.neighbourhoodId,
				detail: { service: serviceId }
			},
			now
		);
		return { ok: true, userId: user.id, displayName: user.displayName, already: false, renewed };
	});
}

/** Takes a partner link away; without links left the account is a resident's again. */
export function revokePartner(db: DB, actorId: string, linkId: number, now: number): RevokeResult {
	return db.transaction((tx): RevokeResult => {
		const link = tx
			.select({
				id: partnerLinks.id,
				userId: partnerLinks.userId,
				serviceId: partnerLinks.serviceId,
				neighbourhoodId: services.neighbourhoodId
			})
			.from(partnerLinks)
			.innerJoin(services, eq(services.id, partnerLinks.serviceId))
			.where(and(eq(partnerLinks.id, linkId), isNull(partnerLinks.revokedAt)))
			.get();
		if (!link) return { ok: false };
		tx.update(partnerLinks)
			.set({ revokedAt: now, revokedById: actorId })
			.where(eq(partnerLinks.id, linkId))
			.run();
		const left = tx
			.select({ id: partnerLinks.id })
			.from(partnerLinks)
			.where(and(eq(partnerLinks.userId, link.userId), isNull(partnerLinks.revokedAt)))
			.get();
		const role = settle(tx, link.userId, 'partner', !!left);
		const renewed = renewSessionsAfterRoleChange(tx, link.userId, now);
		recordAudit(
			tx,
			{
				actorId,
				action: 'partner.revoke',
				subjectType: 'user',
				subjectId: link.userId,
				neighbourhoodId: link.neighbourhoodId,
				detail: { service: link.serviceId, role }
			},
			now
		);
		return { ok: true, role, renewed };
	});
}

/** An admin gives the account with this address read-only access to a neighbourhood's figures. */
export function grantSteering(
	db: DB,
	actorId: string,
	neighbourhoodId: number,
	email: string,
	now: number
): GrantResult {
	return db.transaction((tx): GrantResult => {
		const hood = tx
			.select({ id: neighbourhoods.id })
			.from(neighbourhoods)
			.where(eq(neighbourhoods.id, neighbourhoodId))
			.get();
		if (!hood) return { ok: false, reason: 'not_found' };
		const found = candidate(tx, email, 'steering');
		if (!found.ok) return found;
		const { user } = found;
		const active = tx
			.select({ id: steeringLinks.id })
			.from(steeringLinks)
			.where(
				and(
					eq(steeringLinks.userId, user.id),
					eq(steeringLinks.neighbourhoodId, neighbourhoodId),
					isNull(steeringLinks.revokedAt)
				)
			)
			.get();
		if (active)
			return {
				ok: true,
				userId: user.id,
				displayName: user.displayName,
				already: true,
				renewed: null
			};
		tx.insert(steeringLinks)
			.values({ userId: user.id, neighbourhoodId, grantedById: actorId, grantedAt: now })
			.run();
		if (user.role !== 'steering')
			tx.update(users).set({ role: 'steering' }).where(eq(users.id, user.id)).run();
		const renewed = renewSessionsAfterRoleChange(tx, user.id, now);
		recordAudit(
			tx,
			{
				actorId,
				action: 'steering.grant',
				subjectType: 'user',
				subjectId: user.id,
				neighbourhoodId,
				detail: {}
			},
			now
		);
		return { ok: true, userId: user.id, displayName: user.displayName, already: false, renewed };
	});
}

/** Takes a steering link away; without links left the account is a resident's again. */
export function revokeSteering(db: DB, actorId: string, linkId: number, now: number): RevokeResult {
	return db.transaction((tx): RevokeResult => {
		const link = tx
			.select()
			.from(steeringLinks)
			.where(and(eq(steeringLinks.id, linkId), isNull(steeringLinks.revokedAt)))
			.get();
		if (!link) return { ok: false };
		tx.update(steeringLinks)
			.set({ revokedAt: now, revokedById: actorId })
			.where(eq(steeringLinks.id, linkId))
			.run();
		const left = tx
			.select({ id: steeringLinks.id })
			.from(steeringLinks)
			.where(and(eq(steeringLinks.userId, link.userId), isNull(steeringLinks.revokedAt)))
			.get();
		const role = settle(tx, link.userId, 'steering', !!left);
		const renewed = renewSessionsAfterRoleChange(tx, link.userId, now);
		recordAudit(
			tx,
			{
				actorId,
				action: 'steering.revoke',
				subjectType: 'user',
				subjectId: link.userId,
				neighbourhoodId: link.neighbourhoodId,
				detail: { role }
			},
			now
		);
		return { ok: true, role, renewed };
	});
}

/** The account's role after a link was taken away: a resident's again when none is left. */
function settle(tx: Tx, userId: string, role: 'partner' | 'steering', linksLeft: boolean): Role {
	const current = tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).get()!
		.role;
	if (current !== role || linksLeft) return current;
	tx.update(users).set({ role: 'resident' }).where(eq(users.id, userId)).run();
	return 'resident';
}
