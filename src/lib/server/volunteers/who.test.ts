import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import {
	gatherings,
	gatheringSignups,
	trustBadges,
	volunteerAcceptances,
	volunteerAgreements,
	volunteerGoodbyes
} from '../db/schema';
import { makeMatch, makeTrustNeighbourhood } from '../testing/trust';
import { isVolunteer, runningMatchCounts, volunteerIds } from './who';
import { eq } from 'drizzle-orm';

function world() {
	const db = createTestDb();
	const ctx = makeTrustNeighbourhood(db);
	const maria = ctx.resident('Maria Janssens');
	return { db, ...ctx, maria };
}

describe('who counts as a volunteer', () => {
	it('a resident who helped in a match, holds a badge, accepted the agreement or attended a volunteers’ gathering', () => {
		const { db, hood, resident, category, maria, broker } = world();
		const helped = resident('Helper Een');
		const badged = resident('Helper Twee');
		const accepted = resident('Helper Drie');
		const attended = resident('Helper Vier');
		const cameToCoffee = resident('Buur Vijf');
		makeMatch(db, category.id, maria, helped);
		db.insert(trustBadges).values({ userId: badged.id, kind: 'met_in_person', grantedAt: 1 }).run();
		const agreement = db
			.insert(volunteerAgreements)
			.values({ neighbourhoodId: hood.id, version: 1, body: '{}', publishedAt: 1 })
			.returning()
			.all()[0]!;
		db.insert(volunteerAcceptances)
			.values({ agreementId: agreement.id, userId: accepted.id, method: 'online', acceptedAt: 2 })
			.run();
		const gathering = (audience: 'volunteers' | 'everyone') =>
			db
				.insert(gatherings)
				.values({
					neighbourhoodId: hood.id,
					kind: audience === 'volunteers' ? 'intervision' : 'coffee_morning',
					place: 'Buurthuis',
					startsAt: 10,
					endsAt: 20,
					audience,
					createdAt: 1
				})
				.returning()
				.all()[0]!;
		db.insert(gatheringSignups)
			.values([
				{
					gatheringId: gathering('volunteers').id,
					userId: attended.id,
					status: 'signed_up',
					createdAt: 3,
					attended: true
				},
				{
					gatheringId: gathering('everyone').id,
					userId: cameToCoffee.id,
					status: 'signed_up',
					createdAt: 3,
					attended: true
				}
			])
			.run();

		const ids = volunteerIds(db, hood.id);
		expect(new Set(ids)).toEqual(new Set([helped.id, badged.id, accepted.id, attended.id]));
		// Maria was helped, the broker is staff, the neighbour only came for coffee.
		expect(ids).not.toContain(maria.id);
		expect(ids).not.toContain(broker.id);
		expect(isVolunteer(db, cameToCoffee.id)).toBe(false);
		expect(isVolunteer(db, helped.id)).toBe(true);
	});

	it('stops counting after a goodbye, and counts again after coming back', () => {
		const { db, hood, resident, category, maria } = world();
		const helper = resident('Helper Een');
		makeMatch(db, category.id, maria, helper);
		const goodbye = db
			.insert(volunteerGoodbyes)
			.values({ userId: helper.id, neighbourhoodId: hood.id, reason: 'moved', stoppedAt: 5 })
			.returning()
			.all()[0]!;
		expect(volunteerIds(db, hood.id)).toEqual([]);
		db.update(volunteerGoodbyes)
			.set({ resumedAt: 9 })
			.where(eq(volunteerGoodbyes.id, goodbye.id))
			.run();
		expect(volunteerIds(db, hood.id)).toEqual([helper.id]);
	});

	it('counts running matches per helper, zero for those without', () => {
		const { db, resident, category, maria } = world();
		const busy = resident('Helper Een');
		const free = resident('Helper Twee');
		makeMatch(db, category.id, maria, busy, 'active');
		makeMatch(db, category.id, maria, busy, 'active');
		makeMatch(db, category.id, maria, busy, 'done');
		makeMatch(db, category.id, maria, free, 'done');
		const counts = runningMatchCounts(db, [busy.id, free.id]);
		expect(counts.get(busy.id)).toBe(2);
		expect(counts.get(free.id)).toBe(0);
	});
});
