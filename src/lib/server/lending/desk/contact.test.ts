import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../auth/session';
import { loans, neighbourhoodBrokers, streets, type User } from '../../db/schema';
import { insertTestUser } from '../../db/test-db';
import { deskSeesContact } from './access';
import { findResidents } from './booking';
import { makeLendingNeighbourhood, NOW } from '../../testing/lending';

let f: ReturnType<typeof makeLendingNeighbourhood>;
beforeEach(() => {
	f = makeLendingNeighbourhood();
});

const asViewer = (u: User): SessionUser => ({
	id: u.id,
	displayName: u.displayName,
	email: u.email,
	emailVerified: true,
	role: u.role,
	locale: u.locale
});

describe('what the desk shows of residents', () => {
	it('desk volunteers find people by name with their street, never by or with their phone', () => {
		const street = f.db
			.insert(streets)
			.values({ neighbourhoodId: f.hoodId, name: 'Kazernestraat', lat: 51, lon: 3.7 })
			.returning()
			.all()[0]!;
		f.borrower({ displayName: 'Maria Janssens', phone: '0470 11 22 33', streetId: street.id });

		expect(findResidents(f.db, f.hoodId, 'Maria', false)).toEqual([
			expect.objectContaining({ name: 'Maria Janssens', street: 'Kazernestraat', phone: null })
		]);
		expect(findResidents(f.db, f.hoodId, '0470', false)).toEqual([]);
		// Brokers and admins at the desk still find and call people by phone.
		expect(findResidents(f.db, f.hoodId, '0470', true)).toEqual([
			expect.objectContaining({ name: 'Maria Janssens', phone: '0470 11 22 33' })
		]);
	});

	it('desk volunteers see contact details only of someone with a late tool; brokers always', () => {
		const volunteer = asViewer(insertTestUser(f.db, { neighbourhoodId: f.hoodId }));
		const brokerRow = insertTestUser(f.db, { role: 'broker' });
		f.db
			.insert(neighbourhoodBrokers)
			.values({ neighbourhoodId: f.hoodId, userId: brokerRow.id })
			.run();
		const broker = asViewer(brokerRow);
		const onTime = f.borrower({ displayName: 'Op tijd' });
		const late = f.borrower({ displayName: 'Te laat' });
		const lend = (borrowerId: string, endDate: string) =>
			f.db
				.insert(loans)
				.values({
					toolId: f.drill,
					borrowerId,
					startDate: '2026-03-05',
					endDate,
					status: 'on_loan',
					createdAt: NOW
				})
				.run();
		// NOW is 10 March 2026: the tool due back on the 9th is late, the one due on the 10th not yet.
		lend(late.id, '2026-03-09');
		lend(onTime.id, '2026-03-10');

		expect(deskSeesContact(f.db, volunteer, f.hoodId, NOW)).toBe(false);
		expect(deskSeesContact(f.db, volunteer, f.hoodId, NOW, onTime.id)).toBe(false);
		expect(deskSeesContact(f.db, volunteer, f.hoodId, NOW, late.id)).toBe(true);
		expect(deskSeesContact(f.db, volunteer, f.hoodId + 1, NOW, late.id)).toBe(false);
		expect(deskSeesContact(f.db, broker, f.hoodId, NOW)).toBe(true);
		expect(deskSeesContact(f.db, broker, f.hoodId, NOW, onTime.id)).toBe(true);
	});
});
