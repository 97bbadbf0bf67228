import type { DB } from '../db/client';
import type { User } from '../db/schema';
import {
	expenseClaims,
	gatherings,
	gatheringSignups,
	helpAsks,
	volunteerAcceptances,
	volunteerAgreements,
	volunteerGoodbyes,
	volunteerThanks
} from '../db/schema';

/**
 * Maria's rows in every volunteering table (issue 20), for the privacy tests: she is a helper in
 * `matchId` and a broker who published, signed up and recorded things for Jozef.
 */
export function makePersonVolunteering(
	db: DB,
	maria: User,
	jozef: User,
	hoodId: number,
	matchId: number
) {
	const agreement = db
		.insert(volunteerAgreements)
		.values({
			neighbourhoodId: hoodId,
			version: 1,
			body: JSON.stringify({ nl: { tasks: 'Boodschappen doen, samen wandelen.' } }),
			publishedAt: 40,
			publishedById: maria.id
		})
		.returning()
		.all()[0]!;
	db.insert(volunteerAcceptances)
		.values([
			{ agreementId: agreement.id, userId: maria.id, method: 'online', acceptedAt: 41 },
			{
				agreementId: agreement.id,
				userId: jozef.id,
				method: 'read_aloud',
				recordedById: maria.id,
				acceptedAt: 41
			}
		])
		.run();
	db.insert(expenseClaims)
		.values({
			neighbourhoodId: hoodId,
			matchId,
			helperId: maria.id,
			amountCents: 320,
			reason: 'Bus voor Maria Janssens',
			status: 'refused',
			createdAt: 42,
			decidedAt: 43,
			decidedById: maria.id,
			decisionReason: 'Maria, dat is te ver'
		})
		.run();
	const gathering = (startsAt: number) =>
		db
			.insert(gatherings)
			.values({
				neighbourhoodId: hoodId,
				kind: 'intervision',
				place: 'Buurthuis',
				startsAt,
				endsAt: startsAt + 1,
				audience: 'volunteers',
				createdById: maria.id,
				createdAt: 44,
				attendanceRecordedById: maria.id
			})
			.returning()
			.all()[0]!;
	const past = gathering(45);
	const coming = gathering(9_999_999_999_999);
	db.insert(gatheringSignups)
		.values([
			{
				gatheringId: past.id,
				userId: maria.id,
				status: 'signed_up',
				createdAt: 44,
				attended: true
			},
			{ gatheringId: coming.id, userId: maria.id, status: 'signed_up', createdAt: 44 },
			{
				gatheringId: past.id,
				userId: jozef.id,
				status: 'signed_up',
				signedUpById: maria.id,
				createdAt: 44
			}
		])
		.run();
	db.insert(helpAsks)
		.values({
			neighbourhoodId: hoodId,
			helperId: maria.id,
			matchId,
			body: 'Maria heeft het zwaar, kan je bellen?',
			createdAt: 46,
			handledAt: 47,
			handledById: maria.id
		})
		.run();
	db.insert(volunteerThanks)
		.values([
			{
				userId: maria.id,
				neighbourhoodId: hoodId,
				kind: 'personal',
				message: 'Dank je, Maria!',
				sentById: maria.id,
				sentAt: 48
			},
			{
				userId: jozef.id,
				neighbourhoodId: hoodId,
				kind: 'yearly',
				year: 2026,
				sentById: maria.id,
				sentAt: 48
			}
		])
		.run();
	db.insert(volunteerGoodbyes)
		.values({
			userId: maria.id,
			neighbourhoodId: hoodId,
			reason: 'moved',
			note: 'Maria verhuist naar haar dochter',
			recordedById: maria.id,
			stoppedAt: 49
		})
		.run();
	return { past, coming };
}
