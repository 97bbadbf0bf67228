import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
	expenseClaims,
	followUps,
	neighbourhoods,
	residentNotes,
	signals,
	trustBadges
} from '../db/schema';
import { createTestDb } from '../db/test-db';
import { DAY } from '../testing/dates';
import { makeMatch, makeTrustNeighbourhood } from '../testing/trust';
import { askBroker } from './help-asks';
import { volunteerOverview } from './overview';
import { careForToday, TODAY_PEOPLE } from './today';

const NOW = Date.UTC(2026, 10, 24, 9);

function world() {
	const db = createTestDb();
	const ctx = makeTrustNeighbourhood(db);
	const maria = ctx.resident('Maria Janssens');
	const sofie = ctx.resident('Sofie Claes');
	db.update(neighbourhoods)
		.set({ helperMatchLimit: 2, volunteerContactWeeks: 4 })
		.where(eq(neighbourhoods.id, ctx.hood.id))
		.run();
	return { db, ...ctx, maria, sofie };
}

describe('the volunteer overview', () => {
	it('gives per helper the facts, and puts those needing attention first', () => {
		const { db, hood, broker, helper, maria, sofie, category } = world();
		const a = makeMatch(db, category.id, maria, helper, 'active');
		makeMatch(db, category.id, maria, helper, 'active');
		makeMatch(db, category.id, maria, sofie, 'done');
		db.insert(followUps)
			.values([
				{
					matchId: a.id,
					userId: helper.id,
					dueAt: 0,
					answeredAt: NOW - 9 * DAY,
					outcome: 'partly',
					minutes: 90
				},
				{
					matchId: a.id,
					userId: helper.id,
					round: 2,
					dueAt: 0,
					answeredAt: NOW - DAY,
					outcome: 'went_well',
					minutes: 30
				}
			])
			.run();
		db.insert(trustBadges)
			.values({ userId: helper.id, kind: 'training', grantedAt: 0, expiresAt: NOW + 10 * DAY })
			.run();
		db.insert(signals)
			.values({
				neighbourhoodId: hood.id,
				filedById: helper.id,
				kind: 'client',
				body: 'x',
				createdAt: 0
			})
			.run();
		db.insert(residentNotes)
			.values({ userId: sofie.id, authorId: broker.id, body: 'Gebeld', createdAt: NOW - 2 * DAY })
			.run();
		const rows = volunteerOverview(db, hood.id, NOW);
		expect(rows.map((r) => r.name)).toEqual(['Jozef Peeters', 'Sofie Claes']);
		const [jozef, s] = rows;
		expect(jozef).toMatchObject({
			running: 2,
			recent: 2,
			busy: true,
			daysSinceContact: null,
			noContact: true,
			lastAnswers: ['went_well', 'partly'],
			refresherDueAt: NOW + 10 * DAY,
			refresherSoon: true,
			signalsFiled: 1,
			minutes: 120,
			intervisions: 0
		});
		expect(s).toMatchObject({
			running: 0,
			recent: 0,
			busy: false,
			daysSinceContact: 2,
			noContact: false
		});
	});
});

describe('care on Today', () => {
	it('lists busy and uncontacted helpers, questions and waiting expense claims', () => {
		const { db, hood, helper, maria, sofie, category } = world();
		const m1 = makeMatch(db, category.id, maria, helper, 'active');
		makeMatch(db, category.id, maria, helper, 'active');
		makeMatch(db, category.id, maria, sofie, 'done');
		askBroker(
			db,
			{ id: sofie.id, neighbourhoodId: hood.id },
			{ body: 'Mag ik bellen?', matchId: null },
			NOW
		);
		db.insert(expenseClaims)
			.values({
				neighbourhoodId: hood.id,
				matchId: m1.id,
				helperId: helper.id,
				amountCents: 460,
				reason: 'Bus',
				createdAt: NOW
			})
			.run();
		const care = careForToday(db, [{ id: hood.id, name: 'Testwijk' }], NOW);
		expect(care.intervision).toEqual([{ neighbourhoodId: hood.id, planned: 0, name: 'Testwijk' }]);
		expect(care.busy).toEqual({
			total: 1,
			people: [{ id: helper.id, name: 'Jozef Peeters', running: 2, daysSinceContact: null }]
		});
		expect(care.noContact.total).toBe(2);
		expect(care.noIntervision.total).toBe(2);
		expect(care.asks.map((a) => a.body)).toEqual(['Mag ik bellen?']);
		expect(care.expenses).toBe(1);
		expect(TODAY_PEOPLE).toBe(5);
	});
});
