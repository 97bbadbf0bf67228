import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { DB } from '../db/client';
import type { FollowUpOutcome } from '$lib/followup';
import { followUps, users, type Match } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { publicBadges } from './badges';
import { earnedBadges, helpsTier } from './earned';
import { makeMatch, makeTrustNeighbourhood } from '../testing/trust';

function answer(
	db: DB,
	match: Match,
	userId: string,
	outcome: FollowUpOutcome | null,
	answered = true,
	round = 1
) {
	db.insert(followUps)
		.values({
			matchId: match.id,
			userId,
			round,
			dueAt: 0,
			sentAt: 0,
			answeredAt: answered ? 1 : null,
			outcome
		})
		.run();
}

describe('earned badges', () => {
	it('count completed helps in tiers of 1, 5 and 25', () => {
		expect([0, 1, 4, 5, 24, 25, 300].map(helpsTier)).toEqual([null, 1, 1, 5, 5, 25, 25]);
		const db = createTestDb();
		const { helper, resident, category } = makeTrustNeighbourhood(db);
		const rosa = resident('Rosa');
		expect(earnedBadges(db, helper.id)!.helpsTier).toBeNull();
		makeMatch(db, category.id, rosa, helper, 'active');
		makeMatch(db, category.id, rosa, helper, 'cancelled');
		// Helped by Jozef is not the same as Jozef helping.
		makeMatch(db, category.id, helper, rosa, 'done');
		expect(earnedBadges(db, helper.id)!.helpsTier).toBeNull();
		makeMatch(db, category.id, rosa, helper, 'done');
		expect(earnedBadges(db, helper.id)!.helpsTier).toBe(1);
		for (let i = 0; i < 4; i++) makeMatch(db, category.id, rosa, helper, 'done');
		expect(earnedBadges(db, helper.id)!.helpsTier).toBe(5);
	});

	it('show the share of positive follow-ups from the people helped, from three answers on', () => {
		const db = createTestDb();
		const { helper, resident, category } = makeTrustNeighbourhood(db);
		const [a, b, c, d] = ['Anna', 'Bert', 'Carla', 'Dirk'].map((n) => resident(n));
		const m1 = makeMatch(db, category.id, a!, helper);
		const m2 = makeMatch(db, category.id, b!, helper);
		const m3 = makeMatch(db, category.id, c!, helper);
		const m4 = makeMatch(db, category.id, d!, helper);
		answer(db, m1, a!.id, 'went_well');
		answer(db, m2, b!.id, 'partly');
		// Not counted: the helper's own answer, "please call me", and an unanswered one.
		answer(db, m1, helper.id, 'went_well');
		answer(db, m3, c!.id, 'call_me');
		answer(db, m4, d!.id, null, false);
		expect(earnedBadges(db, helper.id)!.positive).toBeNull();
		answer(db, m4, d!.id, 'went_well', true, 2);
		expect(earnedBadges(db, helper.id)!.positive).toEqual({ percent: 67, answers: 3 });
		answer(db, m3, c!.id, 'did_not_happen', true, 2);
		expect(earnedBadges(db, helper.id)!.positive).toEqual({ percent: 50, answers: 4 });
		// Answers about a match where the helper was helped do not count for them as a helper.
		const back = makeMatch(db, category.id, helper, a!);
		answer(db, back, helper.id, 'did_not_happen');
		expect(earnedBadges(db, helper.id)!.positive).toEqual({ percent: 50, answers: 4 });
		expect(earnedBadges(db, a!.id)!.positive).toBeNull();
	});

	it('say since when someone is a member and whether their e-mail is verified', () => {
		const db = createTestDb();
		const { helper } = makeTrustNeighbourhood(db);
		db.update(users)
			.set({ createdAt: Date.UTC(2025, 4, 1) })
			.where(eq(users.id, helper.id))
			.run();
		expect(earnedBadges(db, helper.id)).toMatchObject({
			memberSince: Date.UTC(2025, 4, 1),
			emailVerified: false
		});
		db.update(users).set({ emailVerifiedAt: 5 }).where(eq(users.id, helper.id)).run();
		expect(publicBadges(db, helper.id, 10)).toEqual({
			granted: [],
			earned: {
				helpsTier: null,
				positive: null,
				memberSince: Date.UTC(2025, 4, 1),
				emailVerified: true
			}
		});
		expect(earnedBadges(db, 'nobody')).toBeNull();
	});
});
