import type { DB } from '../db/client';
import type { User } from '../db/schema';
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

/**
 * Maria's rows in every care-circle and check-in table (issue 22), for the privacy tests: a
 * circle around her with her plan and message, a circle around Jozef she joined by invitation
 * and took a moment in, check-in calls to her, and calls she made and wrote down for Jozef.
 */
export function makePersonCircles(db: DB, maria: User, jozef: User, hoodId: number) {
	const insertCircle = (centreId: string) =>
		db
			.insert(circles)
			.values({
				neighbourhoodId: hoodId,
				centreId,
				coordinatorId: maria.id,
				startedById: maria.id,
				createdAt: 60
			})
			.returning()
			.all()[0]!;
	const hers = insertCircle(maria.id);
	const jozefs = insertCircle(jozef.id);
	db.insert(circleMembers)
		.values([
			{ circleId: hers.id, userId: maria.id, joinedAt: 60 },
			{ circleId: jozefs.id, userId: jozef.id, joinedAt: 60 },
			{ circleId: jozefs.id, userId: maria.id, joinedAt: 61 }
		])
		.run();
	db.insert(circleInvitations)
		.values({
			circleId: jozefs.id,
			invitedById: maria.id,
			way: 'email',
			name: 'Maria Janssens',
			address: 'maria@test.example',
			codeHash: 'hash-of-a-code',
			createdAt: 60,
			expiresAt: 99,
			acceptedById: maria.id,
			acceptedAt: 61
		})
		.run();
	const items = db
		.insert(circlePlanItems)
		.values([
			{
				circleId: hers.id,
				title: 'Boodschappen',
				repeat: 'weekly',
				date: '2026-03-03',
				time: '09:30',
				createdById: maria.id,
				createdAt: 60
			},
			{
				circleId: jozefs.id,
				title: 'Vuilnisbak',
				repeat: 'weekly',
				date: '2026-03-05',
				time: '19:00',
				createdById: maria.id,
				createdAt: 60
			}
		])
		.returning()
		.all();
	db.insert(circleSlots)
		.values([
			{ circleId: hers.id, itemId: items[0]!.id, startsAt: 100, takenById: maria.id, takenAt: 61 },
			{
				circleId: jozefs.id,
				itemId: items[1]!.id,
				startsAt: 100,
				takenById: maria.id,
				takenAt: 61,
				helperId: maria.id
			}
		])
		.run();
	db.insert(circleMessages)
		.values({
			circleId: jozefs.id,
			authorId: maria.id,
			body: 'Maria hier: ik doe de babbel op zondag.',
			createdAt: 62
		})
		.run();
	const toHer = db
		.insert(checkInPlans)
		.values({
			neighbourhoodId: hoodId,
			personId: maria.id,
			callerId: jozef.id,
			contactId: jozef.id,
			weekdays: '[1]',
			time: '10:00',
			setUpById: maria.id,
			createdAt: 60
		})
		.returning()
		.all()[0]!;
	const toJozef = db
		.insert(checkInPlans)
		.values({
			neighbourhoodId: hoodId,
			personId: jozef.id,
			callerId: maria.id,
			contactId: maria.id,
			circleId: jozefs.id,
			weekdays: '[3]',
			time: '10:00',
			setUpById: maria.id,
			createdAt: 60
		})
		.returning()
		.all()[0]!;
	db.insert(checkInCalls)
		.values([
			{ planId: toHer.id, dueAt: 100, outcome: 'well', recordedById: jozef.id, recordedAt: 100 },
			{ planId: toJozef.id, dueAt: 100, outcome: 'well', recordedById: maria.id, recordedAt: 100 }
		])
		.run();
	return { hers, jozefs };
}
