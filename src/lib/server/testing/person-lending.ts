import type { DB } from '../db/client';
import {
	agreementAcceptances,
	borrowerAgreements,
	damageReports,
	lendingDeskStaff,
	loans,
	pickupPlaces,
	toolCategories,
	toolRepairs,
	tools,
	toolWaitlist,
	type User
} from '../db/schema';

/** Maria's lending rows for the privacy tests: a past loan, a booking, a wait, desk work. */
export function makePersonLending(db: DB, maria: User, jozef: User, hoodId: number) {
	const agreement = db
		.insert(borrowerAgreements)
		.values({
			neighbourhoodId: hoodId,
			version: 1,
			body: '{"nl":"Zorg goed voor het gereedschap."}',
			publishedAt: 20,
			publishedById: maria.id
		})
		.returning()
		.all()[0]!;
	const accepted = db
		.insert(agreementAcceptances)
		.values({
			agreementId: agreement.id,
			userId: maria.id,
			method: 'paper',
			recordedById: maria.id,
			acceptedAt: 21
		})
		.returning()
		.all()[0]!;
	db.insert(agreementAcceptances)
		.values({
			agreementId: agreement.id,
			userId: jozef.id,
			method: 'paper',
			recordedById: maria.id,
			acceptedAt: 21
		})
		.run();
	const place = db
		.insert(pickupPlaces)
		.values({ neighbourhoodId: hoodId, name: 'Balie', address: 'Plein 1' })
		.returning()
		.all()[0]!;
	const kind = db
		.insert(toolCategories)
		.values({ slug: 'boren', names: '{"nl":"Boren"}' })
		.returning()
		.all()[0]!;
	const tool = (tag: string, name: string) =>
		db
			.insert(tools)
			.values({
				neighbourhoodId: hoodId,
				assetTag: tag,
				name,
				description: 'Een toestel',
				categoryId: kind.id,
				pickupPlaceId: place.id,
				createdAt: 0
			})
			.returning()
			.all()[0]!;
	const drill = tool('B-1', 'Boormachine');
	const ladder = tool('L-1', 'Ladder');
	const lend = (borrowerId: string, status: 'returned' | 'reserved', startDate: string) =>
		db
			.insert(loans)
			.values({
				toolId: drill.id,
				borrowerId,
				status,
				startDate,
				endDate: startDate,
				createdAt: 22,
				bookedById: maria.id,
				checkedOutById: maria.id,
				checkedInById: maria.id,
				agreementAcceptanceId: borrowerId === maria.id ? accepted.id : null
			})
			.returning()
			.all()[0]!;
	const returned = lend(maria.id, 'returned', '2020-01-01');
	const booked = lend(maria.id, 'reserved', '2099-01-01');
	db.insert(toolWaitlist).values({ toolId: ladder.id, userId: maria.id, createdAt: 23 }).run();
	db.insert(toolRepairs)
		.values({ toolId: drill.id, note: 'Snoer kapot', startedAt: 24, startedById: maria.id })
		.run();
	db.insert(damageReports)
		.values({
			toolId: drill.id,
			loanId: returned.id,
			description: 'Kras',
			reportedById: maria.id,
			createdAt: 24
		})
		.run();
	db.insert(lendingDeskStaff)
		.values({ neighbourhoodId: hoodId, userId: maria.id, createdAt: 25 })
		.run();
	return { booked, returned };
}
