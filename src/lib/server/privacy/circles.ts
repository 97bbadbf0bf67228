import { asc, eq, inArray, or } from 'drizzle-orm';
import {
	checkInCalls,
	checkInPlans,
	circleInvitations,
	circleMembers,
	circleMessages,
	circlePlanItems,
	circles,
	circleSlots
} from '../db/schema';
import type { DeletionStep, ExportSection } from './steps';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** What care circles and check-in calls (issue 22) store about a person, for the data download. */
export const circlesExport: ExportSection[] = [
	{
		// The circles the person is in (around them or as a member), with their plan.
		key: 'circles',
		collect: (db, p) => {
			const ids = db
				.select({ id: circleMembers.circleId })
				.from(circleMembers)
				.where(eq(circleMembers.userId, p.id))
				.all()
				.map((r) => r.id);
			const rows = db
				.select()
				.from(circles)
				.where(or(eq(circles.centreId, p.id), inArray(circles.id, ids)))
				.orderBy(asc(circles.id))
				.all();
			return rows.map((c) => ({
				circle: c.id,
				aroundMe: c.centreId === p.id,
				coordinator: c.coordinatorId === p.id,
				openSlots: c.openSlots,
				offerHoursBefore: c.offerHoursBefore,
				brokerMayRead: c.brokerMayRead,
				createdAt: iso(c.createdAt),
				closedAt: iso(c.closedAt),
				plan: db
					.select({
						title: circlePlanItems.title,
						note: circlePlanItems.note,
						repeat: circlePlanItems.repeat,
						date: circlePlanItems.date,
						time: circlePlanItems.time
					})
					.from(circlePlanItems)
					.where(eq(circlePlanItems.circleId, c.id))
					.all()
			}));
		}
	},
	{
		// The moments the person took, in a circle or as a neighbour from outside it.
		key: 'circleSlots',
		collect: (db, p) =>
			db
				.select({
					circle: circleSlots.circleId,
					title: circlePlanItems.title,
					startsAt: circleSlots.startsAt,
					takenAt: circleSlots.takenAt,
					asOutsideHelper: circleSlots.helperId
				})
				.from(circleSlots)
				.innerJoin(circlePlanItems, eq(circlePlanItems.id, circleSlots.itemId))
				.where(or(eq(circleSlots.takenById, p.id), eq(circleSlots.helperId, p.id)))
				.orderBy(asc(circleSlots.startsAt))
				.all()
				.map((s) => ({
					...s,
					asOutsideHelper: s.asOutsideHelper === p.id,
					startsAt: iso(s.startsAt),
					takenAt: iso(s.takenAt)
				}))
	},
	{
		key: 'circleMessages',
		collect: (db, p) =>
			db
				.select({
					circle: circleMessages.circleId,
					body: circleMessages.body,
					at: circleMessages.createdAt
				})
				.from(circleMessages)
				.where(eq(circleMessages.authorId, p.id))
				.orderBy(asc(circleMessages.createdAt))
				.all()
				.map((m) => ({ ...m, at: iso(m.at) }))
	},
	{
		// Invitations the person accepted: how they were called and where it was sent.
		key: 'circleInvitations',
		collect: (db, p) =>
			db
				.select({
					circle: circleInvitations.circleId,
					way: circleInvitations.way,
					name: circleInvitations.name,
					address: circleInvitations.address,
					acceptedAt: circleInvitations.acceptedAt
				})
				.from(circleInvitations)
				.where(eq(circleInvitations.acceptedById, p.id))
				.all()
				.map((i) => ({ ...i, acceptedAt: iso(i.acceptedAt) }))
	},
	{
		// Check-in calls to the person, or that they make, or for which they are the contact.
		key: 'checkInPlans',
		collect: (db, p) =>
			db
				.select()
				.from(checkInPlans)
				.where(
					or(
						eq(checkInPlans.personId, p.id),
						eq(checkInPlans.callerId, p.id),
						eq(checkInPlans.contactId, p.id)
					)
				)
				.orderBy(asc(checkInPlans.id))
				.all()
				.map((plan) => ({
					plan: plan.id,
					as: plan.personId === p.id ? 'called' : plan.callerId === p.id ? 'caller' : 'contact',
					weekdays: JSON.parse(plan.weekdays) as number[],
					time: plan.time,
					createdAt: iso(plan.createdAt),
					endedAt: iso(plan.endedAt),
					// Only the person called sees every call's outcome; a caller or contact their own part.
					calls:
						plan.personId === p.id || plan.callerId === p.id
							? db
									.select({
										dueAt: checkInCalls.dueAt,
										outcome: checkInCalls.outcome,
										note: checkInCalls.note,
										escalation: checkInCalls.escalation
									})
									.from(checkInCalls)
									.where(eq(checkInCalls.planId, plan.id))
									.orderBy(asc(checkInCalls.dueAt))
									.all()
									.map((c) => ({ ...c, dueAt: iso(c.dueAt) }))
							: []
				}))
	}
];

/**
 * Deleting an account: a circle around the person goes with everything in it, as do check-in
 * calls to them; as a member they leave, their messages go and the moments they took are open
 * again; as a caller or contact person the broker is left to find another.
 */
export const circlesDeletion: DeletionStep[] = [
	{
		name: 'circles_of_person',
		run: (tx, p) => tx.delete(circles).where(eq(circles.centreId, p.id)).run()
	},
	{
		name: 'circle_members',
		run: (tx, p) => {
			tx.delete(circleMembers).where(eq(circleMembers.userId, p.id)).run();
			tx.update(circles).set({ coordinatorId: null }).where(eq(circles.coordinatorId, p.id)).run();
		}
	},
	{
		name: 'circle_messages',
		run: (tx, p) => tx.delete(circleMessages).where(eq(circleMessages.authorId, p.id)).run()
	},
	{
		name: 'circle_invitations',
		run: (tx, p) =>
			tx
				.update(circleInvitations)
				.set({ acceptedById: null, name: '', address: '' })
				.where(eq(circleInvitations.acceptedById, p.id))
				.run()
	},
	{
		name: 'circle_slots',
		run: (tx, p) => {
			tx.update(circleSlots)
				.set({ takenById: null, takenAt: null, swapAskedAt: null, remindedAt: null })
				.where(eq(circleSlots.takenById, p.id))
				.run();
			tx.update(circleSlots).set({ helperId: null }).where(eq(circleSlots.helperId, p.id)).run();
		}
	},
	{
		name: 'check_in_plans',
		run: (tx, p) => tx.delete(checkInPlans).where(eq(checkInPlans.personId, p.id)).run()
	},
	{
		name: 'check_in_roles',
		run: (tx, p) => {
			tx.update(checkInPlans).set({ callerId: null }).where(eq(checkInPlans.callerId, p.id)).run();
			tx.update(checkInPlans)
				.set({ contactId: null })
				.where(eq(checkInPlans.contactId, p.id))
				.run();
		}
	}
];
