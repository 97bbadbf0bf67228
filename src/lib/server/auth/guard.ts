import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { db } from '../db';
import type { Neighbourhood } from '../db/schema';
import { getNeighbourhood } from '../neighbourhoods/admin';
import { brokerCovers } from '../neighbourhoods/brokers';
import { partnerServices, steeringNeighbourhoods } from '../backoffice/roles';
import { log } from '../log';
import type { SessionUser } from './session';
import { hasTwoFactor, twoFactorDecision, twoFactorRedirect } from './two-factor';

/**
 * security: brokers and admins see confidential data, so before any of their pages opens they must
 * have a second factor (or are sent to set one up) and have entered a code in this session. The
 * lending desk asks the same of the residents who run it (`deskStaff`).
 */
export function requireSecondFactor(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	user: SessionUser,
	deskStaff = false
): void {
	const decision = twoFactorDecision(
		user.role,
		hasTwoFactor(db, user.id),
		event.locals.session?.twoFactorVerified === true,
		deskStaff
	);
	const target = twoFactorRedirect(decision, event.url.pathname + event.url.search);
	if (target) redirect(303, target);
}

/**
 * The one permission check used by every load and action. Anonymous people are sent to sign in
 * (and come back afterwards); signed-in people without the right get 403.
 */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const next = event.url.pathname + event.url.search;
		redirect(303, `/sign-in?next=${encodeURIComponent(next)}`);
	}
	return user;
}

/** Refuses with 403, logging who asked for what (every guard refuses through here, the desk's too). */
export function refuse(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	user: SessionUser,
	need: string
): never {
	log.warn('access.refused', { user: user.id, role: user.role, need, path: event.url.pathname });
	error(403, 'forbidden');
}

/** Signed in as an admin. */
export function requireAdmin(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = requireUser(event);
	if (user.role !== 'admin') refuse(event, user, 'admin');
	requireSecondFactor(event, user);
	return user;
}

/** Signed in as a broker (of any neighbourhood) or an admin. */
export function requireBroker(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = requireUser(event);
	if (user.role !== 'admin' && user.role !== 'broker') refuse(event, user, 'broker');
	requireSecondFactor(event, user);
	return user;
}

/** Signed in as a broker of this neighbourhood, or an admin. */
export function requireBrokerOf(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	neighbourhoodId: number
): SessionUser {
	const user = requireBroker(event);
	if (!brokerCovers(db, user, neighbourhoodId)) refuse(event, user, `broker:${neighbourhoodId}`);
	return user;
}

/**
 * A `/broker/neighbourhoods/[id]/…` page: the neighbourhood of the route, for one of its brokers
 * (or an admin); 404 when there is none.
 */
export function requireBrokeredNeighbourhood(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>
): { user: SessionUser; n: Neighbourhood } {
	const id = Number(event.params.id);
	const user = requireBrokerOf(event, id);
	const n = getNeighbourhood(db, id);
	if (!n) error(404, 'not found');
	return { user, n };
}

/**
 * Signed in as a partner (issue 21) with at least one service on a social map, after the second
 * step; returns the services they refer from. Brokers and admins have their own pages.
 */
export function requirePartner(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const user = requireUser(event);
	if (user.role !== 'partner') refuse(event, user, 'partner');
	requireSecondFactor(event, user);
	const serviceList = partnerServices(db, user.id);
	if (serviceList.length === 0) refuse(event, user, 'partner:service');
	return { user, services: serviceList };
}

/**
 * Signed in as a member of a steering group (issue 21), after the second step; returns the
 * neighbourhoods whose reports and signal bundles they read, nothing personal.
 */
export function requireSteering(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const user = requireUser(event);
	if (user.role !== 'steering') refuse(event, user, 'steering');
	requireSecondFactor(event, user);
	const hoods = steeringNeighbourhoods(db, user.id);
	if (hoods.length === 0) refuse(event, user, 'steering:neighbourhood');
	return { user, neighbourhoods: hoods };
}

/** The mailbox shows every mail: admins only, or anyone in demo mode so newcomers can follow links. */
export function requireMailboxAccess(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	demo: boolean
): void {
	if (!demo) requireAdmin(event);
}
