import { describe, expect, it } from 'vitest';
import { INTERVISIONS_PER_YEAR } from '$lib/volunteers/lists';
import type { DB } from '../db/client';
import { gatherings, gatheringSignups, residentNotes, tasks } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { DAY } from '../testing/dates';
import { makeTrustNeighbourhood } from '../testing/trust';
import {
	CARE_YEAR,
	intervisionShortfall,
	intervisionsAttended,
	isBusy,
	lastContacts,
	needsContact
} from './care';

const NOW = Date.UTC(2026, 10, 24, 9);

function gathering(
	db: DB,
	hoodId: number,
	startsAt: number,
	extra: Partial<typeof gatherings.$inferInsert> = {}
) {
	return db
		.insert(gatherings)
		.values({
			neighbourhoodId: hoodId,
			kind: 'intervision',
			place: 'Buurthuis',
			startsAt,
			endsAt: startsAt + 2 * 3_600_000,
			audience: 'volunteers',
			createdAt: 0,
			...extra
		})
		.returning()
		.all()[0]!;
}

describe('the running-match limit', () => {
	it('makes a helper busy at the limit, not below it', () => {
		expect(isBusy(2, 3)).toBe(false);
		expect(isBusy(3, 3)).toBe(true);
		expect(isBusy(4, 3)).toBe(true);
		expect(isBusy(0, 1)).toBe(false);
		expect(isBusy(1, 1)).toBe(true);
	});
});

describe('fewer than four intervisions planned', () => {
	it('counts only intervisions in the next year that are not cancelled', () => {
		const db = createTestDb();
		const { hood } = makeTrustNeighbourhood(db);
		expect(intervisionShortfall(db, [hood.id], NOW)).toEqual([
			{ neighbourhoodId: hood.id, planned: 0 }
		]);
		for (const d of [10, 100, 200]) gathering(db, hood.id, NOW + d * DAY);
		// Cancelled, past, more than a year away, and another kind: none of them count.
		gathering(db, hood.id, NOW + 50 * DAY, { cancelledAt: NOW });
		gathering(db, hood.id, NOW - DAY);
		gathering(db, hood.id, NOW + CARE_YEAR + DAY);
		gathering(db, hood.id, NOW + 20 * DAY, { kind: 'coffee_morning', audience: 'everyone' });
		expect(intervisionShortfall(db, [hood.id], NOW)).toEqual([
			{ neighbourhoodId: hood.id, planned: 3 }
		]);
		gathering(db, hood.id, NOW + 300 * DAY);
		expect(INTERVISIONS_PER_YEAR).toBe(4);
		expect(intervisionShortfall(db, [hood.id], NOW)).toEqual([]);
	});

	it('moves with now: a year later the same gatherings are in the past', () => {
		const db = createTestDb();
		const { hood } = makeTrustNeighbourhood(db);
		for (const d of [10, 100, 200, 300]) gathering(db, hood.id, NOW + d * DAY);
		expect(intervisionShortfall(db, [hood.id], NOW)).toEqual([]);
		// 150 days on: the first two have passed.
		expect(intervisionShortfall(db, [hood.id], NOW + 150 * DAY)).toEqual([
			{ neighbourhoodId: hood.id, planned: 2 }
		]);
		// 400 days earlier: all four are more than a year away.
		expect(intervisionShortfall(db, [hood.id], NOW - 400 * DAY)).toEqual([
			{ neighbourhoodId: hood.id, planned: 0 }
		]);
	});
});

describe('intervision attended in the last year', () => {
	it('counts attended intervisions of the last year only', () => {
		const db = createTestDb();
		const { hood, helper, resident } = makeTrustNeighbourhood(db);
		const other = resident('Sofie');
		const recent = gathering(db, hood.id, NOW - 30 * DAY);
		const old = gathering(db, hood.id, NOW - CARE_YEAR - DAY);
		const training = gathering(db, hood.id, NOW - 10 * DAY, { kind: 'training', name: 'EHBO' });
		const signUp = (gatheringId: number, userId: string, attended: boolean | null) =>
			db
				.insert(gatheringSignups)
				.values({ gatheringId, userId, status: 'signed_up', createdAt: 0, attended })
				.run();
		signUp(old.id, helper.id, true);
		signUp(training.id, helper.id, true);
		signUp(recent.id, other.id, false);
		expect(intervisionsAttended(db, [helper.id, other.id], NOW)).toEqual(
			new Map([
				[helper.id, 0],
				[other.id, 0]
			])
		);
		signUp(recent.id, helper.id, true);
		expect(intervisionsAttended(db, [helper.id], NOW).get(helper.id)).toBe(1);
		// A year and a month later it no longer counts.
		expect(intervisionsAttended(db, [helper.id], NOW + CARE_YEAR).get(helper.id)).toBe(0);
	});
});

describe('the broker’s last contact', () => {
	it('is the latest of a note, a task a broker did, and a gathering attended', () => {
		const db = createTestDb();
		const { hood, helper, broker, resident } = makeTrustNeighbourhood(db);
		const other = resident('Thomas');
		expect(lastContacts(db, [helper.id]).get(helper.id)).toBeNull();
		db.insert(residentNotes)
			.values({ userId: helper.id, authorId: broker.id, body: 'Gebeld', createdAt: NOW - 40 * DAY })
			.run();
		expect(lastContacts(db, [helper.id]).get(helper.id)).toBe(NOW - 40 * DAY);
		const task = (doneById: string, doneAt: number) =>
			db
				.insert(tasks)
				.values({
					neighbourhoodId: hood.id,
					kind: 'call_resident',
					subjectUserId: helper.id,
					createdAt: 0,
					dueAt: 0,
					doneAt,
					doneById
				})
				.run();
		// A task the helper marked done themselves (not a broker) is no contact.
		task(other.id, NOW - 5 * DAY);
		expect(lastContacts(db, [helper.id]).get(helper.id)).toBe(NOW - 40 * DAY);
		task(broker.id, NOW - 20 * DAY);
		expect(lastContacts(db, [helper.id]).get(helper.id)).toBe(NOW - 20 * DAY);
		const g = gathering(db, hood.id, NOW - 3 * DAY);
		db.insert(gatheringSignups)
			.values({
				gatheringId: g.id,
				userId: helper.id,
				status: 'signed_up',
				createdAt: 0,
				attended: true
			})
			.run();
		expect(lastContacts(db, [helper.id, other.id])).toEqual(
			new Map([
				[helper.id, NOW - 3 * DAY],
				[other.id, null]
			])
		);
	});

	it('needs contact after the neighbourhood’s weeks, or when there never was any', () => {
		expect(needsContact(null, 8, NOW)).toBe(true);
		expect(needsContact(NOW - 8 * 7 * DAY, 8, NOW)).toBe(false);
		expect(needsContact(NOW - 8 * 7 * DAY - 1, 8, NOW)).toBe(true);
		expect(needsContact(NOW - 3 * 7 * DAY, 2, NOW)).toBe(true);
	});
});
