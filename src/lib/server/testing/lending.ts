import type { DB } from '../db/client';
import { createTestDb, insertTestUser } from '../db/test-db';
import { neighbourhoods, pickupPlaces, toolCategories, tools, type User } from '../db/schema';
import { acceptAgreement, publishAgreement } from '../lending/agreements';
import { ensureToolCategories } from '../lending/categories';

/** 2026-03-10 10:00 in Brussels (UTC+1), a Tuesday. */
export const NOW = Date.UTC(2026, 2, 10, 9, 0);
export { DAY } from './dates';
export const ORIGIN = 'https://naburig.test';

/**
 * A neighbourhood with a pick-up place open Monday to Friday, one buffer day, at most two
 * active bookings per borrower, a published agreement and a drill lent 3 days, 7 at most.
 */
export function makeLendingNeighbourhood(db: DB = createTestDb()) {
	ensureToolCategories(db);
	const hoodId = db
		.insert(neighbourhoods)
		.values({
			slug: 't',
			name: 'Testwijk',
			boundary: '{}',
			centreLat: 51,
			centreLon: 3.7,
			phoneDutyNumber: '09 123 45 67',
			lendingBufferDays: 1,
			lendingMaxActive: 2,
			createdAt: 0
		})
		.returning()
		.all()[0]!.id;
	const place = db
		.insert(pickupPlaces)
		.values({
			neighbourhoodId: hoodId,
			name: 'Dienstencentrum',
			address: 'Plein 1',
			openingHours: JSON.stringify(
				[1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '12:00' }))
			)
		})
		.returning()
		.all()[0]!;
	const categoryId = db.select().from(toolCategories).all()[0]!.id;
	const addTool = (assetTag: string) =>
		db
			.insert(tools)
			.values({
				neighbourhoodId: hoodId,
				assetTag,
				name: assetTag === 'T-1' ? 'Boormachine' : assetTag,
				description: '',
				categoryId,
				pickupPlaceId: place.id,
				loanDaysDefault: 3,
				loanDaysMax: 7,
				createdAt: 0
			})
			.returning()
			.all()[0]!.id;
	const agreementId = publishAgreement(
		db,
		hoodId,
		{ nl: 'Afspraken v1', en: 'Agreement v1' },
		null,
		0
	);
	/** A resident who accepted the current agreement online. */
	const borrower = (fields: Partial<User> = {}) => {
		const user = insertTestUser(db, { neighbourhoodId: hoodId, ...fields });
		acceptAgreement(db, { userId: user.id, agreementId: currentId(), method: 'online' }, 0);
		return user;
	};
	let latestAgreement = agreementId;
	const currentId = () => latestAgreement;
	const newVersion = () => {
		latestAgreement = publishAgreement(db, hoodId, { nl: 'Afspraken v2' }, null, 1);
		return latestAgreement;
	};
	return { db, hoodId, placeId: place.id, drill: addTool('T-1'), addTool, borrower, newVersion };
}
