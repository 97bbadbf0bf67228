import { and, asc, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import type { OpenSlotWay } from '$lib/circles/lists';
import { isolate } from '$lib/i18n';
import { recordAudit } from '../audit/audit';
import type { DB, DbOrTx } from '../db/client';
import {
	circleMembers,
	circles,
	circleSlots,
	residentProxies,
	users,
	type Circle
} from '../db/schema';
import { notifyPerson } from '../notify/notify';
import { firstName } from '../profile/public';
import { canActFor } from '../broker/carers';
import { isMember } from './access';

export type CircleError = { ok: false; error: string };

/**
 * Starts a circle around `centreId`: by the person themselves, their carer, or a broker for
 * someone on the phone. The starter is coordinator when they are the centre or a carer; a broker
 * is not a member, so then the centre coordinates until someone takes it on. One open circle
 * per person: a second start returns the first.
 */
export function startCircle(
	db: DB,
	input: { centreId: string; startedById: string; byBroker: boolean },
	now: number
): { ok: true; circle: Circle; existed: boolean } | CircleError {
	return db.transaction((tx) => {
		const centre = tx.select().from(users).where(eq(users.id, input.centreId)).get();
		if (!centre || centre.status !== 'active' || centre.neighbourhoodId === null)
			return { ok: false, error: 'circles_err_person' };
		const self = input.centreId === input.startedById;
		if (!self && !input.byBroker && !canActFor(tx, input.startedById, input.centreId))
			return { ok: false, error: 'circles_err_person' };
		const existing = tx
			.select()
			.from(circles)
			.where(and(eq(circles.centreId, centre.id), isNull(circles.closedAt)))
			.get();
		if (existing) return { ok: true, circle: existing, existed: true };
		const coordinatorId = input.byBroker ? centre.id : input.startedById;
		const circle = tx
			.insert(circles)
			.values({
				neighbourhoodId: centre.neighbourhoodId!,
				centreId: centre.id,
				coordinatorId,
				startedById: input.startedById,
				createdAt: now
			})
			.returning()
			.all()[0]!;
		const memberIds = [...new Set([centre.id, coordinatorId])];
		tx.insert(circleMembers)
			.values(memberIds.map((userId) => ({ circleId: circle.id, userId, joinedAt: now })))
			.run();
		recordAudit(
			tx,
			{
				actorId: input.startedById,
				action: 'circle.start',
				subjectType: 'user',
				subjectId: centre.id,
				neighbourhoodId: centre.neighbourhoodId,
				detail: { circle: circle.id }
			},
			now
		);
		return { ok: true, circle, existed: false };
	});
}

/** A circle someone can open: theirs, one they are in, or one around a person they care for. */
export interface CircleSummary {
	id: number;
	centreName: string;
	aroundMe: boolean;
}

/** The open circles someone is in or cares for, the one around them first. */
export function circlesOf(db: DbOrTx, userId: string): CircleSummary[] {
	const memberOf = db
		.select({ id: circleMembers.circleId })
		.from(circleMembers)
		.where(and(eq(circleMembers.userId, userId), isNull(circleMembers.leftAt)));
	const caredFor = db
		.select({ id: residentProxies.residentId })
		.from(residentProxies)
		.where(and(eq(residentProxies.proxyUserId, userId), isNull(residentProxies.revokedAt)));
	return db
		.select({ id: circles.id, centreId: circles.centreId, name: users.displayName })
		.from(circles)
		.innerJoin(users, eq(users.id, circles.centreId))
		.where(
			and(
				isNull(circles.closedAt),
				or(
					eq(circles.centreId, userId),
					inArray(circles.id, memberOf),
					inArray(circles.centreId, caredFor)
				)
			)
		)
		.orderBy(asc(circles.id))
		.all()
		.map((c) => ({ id: c.id, centreName: c.name, aroundMe: c.centreId === userId }))
		.sort((a, b) => Number(b.aroundMe) - Number(a.aroundMe));
}

/** The people someone may start a circle around: themselves and whom they care for. */
export function possibleCentres(db: DbOrTx, userId: string): { id: string; name: string }[] {
	const me = db
		.select({ id: users.id, name: users.displayName })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	const cared = db
		.select({ id: users.id, name: users.displayName })
		.from(residentProxies)
		.innerJoin(users, eq(users.id, residentProxies.residentId))
		.where(
			and(
				eq(residentProxies.proxyUserId, userId),
				isNull(residentProxies.revokedAt),
				eq(users.status, 'active')
			)
		)
		.all();
	return [...(me ? [me] : []), ...cared];
}

/** The members, in the order they joined, with first names only where the page shows others. */
export function circleMemberList(db: DbOrTx, circle: Circle) {
	return db
		.select({ id: users.id, name: users.displayName, joinedAt: circleMembers.joinedAt })
		.from(circleMembers)
		.innerJoin(users, eq(users.id, circleMembers.userId))
		.where(and(eq(circleMembers.circleId, circle.id), isNull(circleMembers.leftAt)))
		.orderBy(asc(circleMembers.joinedAt), asc(circleMembers.id))
		.all()
		.map((p) => ({
			...p,
			isCentre: p.id === circle.centreId,
			isCoordinator: p.id === (circle.coordinatorId ?? circle.centreId)
		}));
}

/** Adds someone to a circle (again, after leaving); true when they were not in it yet. */
export function addMember(tx: DbOrTx, circleId: number, userId: string, now: number): boolean {
	if (isMember(tx, circleId, userId)) return false;
	tx.insert(circleMembers)
		.values({ circleId, userId, joinedAt: now })
		.onConflictDoUpdate({
			target: [circleMembers.circleId, circleMembers.userId],
			set: { leftAt: null, joinedAt: now }
		})
		.run();
	return true;
}

/**
 * A member leaves, or the centre (or their carer, or the coordinator) takes someone out. Their
 * moments to come are open again; the coordinator role falls back to the centre. Not the centre.
 */
export function removeMember(
	db: DB,
	circle: Circle,
	userId: string,
	actorId: string,
	now: number
): boolean {
	if (userId === circle.centreId) return false;
	return db.transaction((tx) => {
		const left = tx
			.update(circleMembers)
			.set({ leftAt: now })
			.where(
				and(
					eq(circleMembers.circleId, circle.id),
					eq(circleMembers.userId, userId),
					isNull(circleMembers.leftAt)
				)
			)
			.run().changes;
		if (!left) return false;
		releaseFutureSlots(tx, circle.id, userId, now);
		if (circle.coordinatorId === userId)
			tx.update(circles)
				.set({ coordinatorId: circle.centreId })
				.where(eq(circles.id, circle.id))
				.run();
		recordAudit(
			tx,
			{
				actorId,
				action: actorId === userId ? 'circle.leave' : 'circle.remove_member',
				subjectType: 'user',
				subjectId: userId,
				neighbourhoodId: circle.neighbourhoodId,
				detail: { circle: circle.id }
			},
			now
		);
		return true;
	});
}

/** The moments someone took that are still to come become open again. */
function releaseFutureSlots(tx: DbOrTx, circleId: number, userId: string, now: number) {
	tx.update(circleSlots)
		.set({ takenById: null, takenAt: null, swapAskedAt: null, remindedAt: null })
		.where(
			and(
				eq(circleSlots.circleId, circleId),
				eq(circleSlots.takenById, userId),
				gt(circleSlots.startsAt, now)
			)
		)
		.run();
}

/**
 * The coordinator (or the centre, or a carer) hands the role to another member, who is told.
 * Logged, as it changes who decides.
 */
export function handOver(
	db: DB,
	circle: Circle,
	toUserId: string,
	actorId: string,
	origin: string,
	now: number
): boolean {
	return db.transaction((tx) => {
		if (!isMember(tx, circle.id, toUserId)) return false;
		tx.update(circles).set({ coordinatorId: toUserId }).where(eq(circles.id, circle.id)).run();
		recordAudit(
			tx,
			{
				actorId,
				action: 'circle.hand_over',
				subjectType: 'user',
				subjectId: toUserId,
				neighbourhoodId: circle.neighbourhoodId,
				detail: { circle: circle.id }
			},
			now
		);
		const centre = tx.select().from(users).where(eq(users.id, circle.centreId)).get();
		const url = `${origin}/circles/${circle.id}`;
		if (toUserId !== circle.centreId)
			notifyPerson(
				tx,
				toUserId,
				{
					kind: 'circle_coordinator',
					topic: 'other',
					write: (locale) => ({
						subject: m.circles_mail_coordinator_subject(
							{ name: isolate(firstName(centre?.displayName ?? ''), locale) },
							{ locale }
						),
						paragraphs: [m.circles_mail_coordinator_text({}, { locale })],
						action: { label: m.circles_mail_open({}, { locale }), url }
					}),
					url
				},
				now
			);
		return true;
	});
}

/** The centre's consents: what happens to an untaken moment, and whether the broker may read the board. */
export interface CircleSettings {
	openSlots: OpenSlotWay;
	offerHoursBefore: number;
	brokerMayRead: boolean;
}

/** Stores the centre's choices (given by them or their carer); logged. */
export function updateSettings(
	db: DB,
	circle: Circle,
	settings: CircleSettings,
	actorId: string,
	now: number
): void {
	db.transaction((tx) => {
		tx.update(circles).set(settings).where(eq(circles.id, circle.id)).run();
		recordAudit(
			tx,
			{
				actorId,
				action: 'circle.settings',
				subjectType: 'user',
				subjectId: circle.centreId,
				neighbourhoodId: circle.neighbourhoodId,
				detail: { circle: circle.id, ...settings }
			},
			now
		);
	});
}
