import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, insertTestUser } from '../db/test-db';
import { neighbourhoods } from '../db/schema';
import { assignBroker } from './brokers';
import { telDigits } from '$lib/phone';
import { callUsList, setCallFace } from './call-us';
import { makeAdminNeighbourhood } from '../testing/neighbourhoods';

function twoHoods() {
	const db = createTestDb();
	const pilot = makeAdminNeighbourhood(db, 'Pilootwijk');
	const other = makeAdminNeighbourhood(db, 'Anderwijk');
	db.update(neighbourhoods)
		.set({ phoneDutyNumber: '0470 11 22 33' })
		.where(eq(neighbourhoods.id, pilot.neighbourhoodId))
		.run();
	db.update(neighbourhoods)
		.set({ phoneDutyNumber: '(09) 80.90.10' })
		.where(eq(neighbourhoods.id, other.neighbourhoodId))
		.run();
	return { db, admin: pilot.admin, pilot: pilot.neighbourhoodId, other: other.neighbourhoodId };
}

describe('call us', () => {
	it('puts the pilot first for a visitor, the own neighbourhood first for a resident', () => {
		const { db, pilot, other } = twoHoods();
		expect(callUsList(db, {}).map((c) => c.neighbourhoodId)).toEqual([pilot, other]);
		const rita = insertTestUser(db, { neighbourhoodId: other });
		expect(callUsList(db, { userId: rita.id }).map((c) => c.neighbourhood)).toEqual([
			'Anderwijk',
			'Pilootwijk'
		]);
		expect(callUsList(db, { neighbourhoodId: other })[0]?.tel).toBe('09809010');
	});

	it('puts a broker who lives elsewhere with the neighbourhood they broker', () => {
		const { db, admin, other } = twoHoods();
		const broker = insertTestUser(db, { role: 'broker' });
		assignBroker(db, admin.id, other, broker.email!, 0);
		expect(callUsList(db, { userId: broker.id })[0]?.neighbourhood).toBe('Anderwijk');
	});

	it('leaves out a neighbourhood without a phone number', () => {
		const { db, other } = twoHoods();
		db.update(neighbourhoods)
			.set({ phoneDutyNumber: '' })
			.where(eq(neighbourhoods.id, other))
			.run();
		expect(callUsList(db, { neighbourhoodId: other }).map((c) => c.neighbourhood)).toEqual([
			'Pilootwijk'
		]);
	});

	it("shows the broker's chosen first name and photo, only once they set one", () => {
		const { db, admin, pilot } = twoHoods();
		const broker = insertTestUser(db, { role: 'broker', displayName: 'Annemie Peeters' });
		assignBroker(db, admin.id, pilot, broker.email!, 0);
		expect(callUsList(db, {})[0]?.broker).toBeNull();
		expect(setCallFace(db, broker.id, { callName: ' An ', callPhoto: 'abc' })).toBeNull();
		expect(callUsList(db, {})[0]?.broker).toEqual({ firstName: 'An', photo: '/photos/abc-s.webp' });
		// Removing the photo hands back the old file to delete; an empty name hides the face.
		expect(setCallFace(db, broker.id, { callName: '', callPhoto: null })).toBe('abc');
		expect(callUsList(db, {})[0]?.broker).toBeNull();
	});

	it('writes a phone number as a tel: link can use it', () => {
		expect(telDigits('+32 (0)470/11.22.33')).toBe('+320470112233');
	});
});
