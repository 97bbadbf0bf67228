import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, categories, trustBadges } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { grantBadge } from './grant';
import { revokeBadge } from './revoke';
import {
	badgeRulesOf,
	missingBadges,
	missingBadgesOf,
	requiredBadges,
	setBadgeRules
} from './rules';
import { makeTrustNeighbourhood } from '../testing/trust';

const NOW = Date.UTC(2026, 10, 26, 9);

function world() {
	const db = createTestDb();
	const w = makeTrustNeighbourhood(db);
	const garden = db.select().from(categories).where(eq(categories.slug, 'garden')).get()!;
	const homeHelp = { neighbourhoodId: w.hood.id, categoryId: w.category.id };
	return { db, ...w, garden, homeHelp };
}

describe('category badge rules', () => {
	it('are replaced as a whole, logged, and refuse unknown categories', () => {
		const { db, broker, hood, category, garden } = world();
		expect(
			setBadgeRules(
				db,
				broker.id,
				hood.id,
				[
					{ categoryId: category.id, kind: 'met_in_person' },
					{ categoryId: category.id, kind: 'good_conduct' },
					{ categoryId: category.id, kind: 'met_in_person' }
				],
				NOW
			)
		).toEqual({ ok: true, added: 2, removed: 0 });
		expect(requiredBadges(db, { neighbourhoodId: hood.id, categoryId: category.id })).toEqual([
			'met_in_person',
			'good_conduct'
		]);
		expect(
			setBadgeRules(db, broker.id, hood.id, [{ categoryId: garden.id, kind: 'references' }], NOW)
		).toEqual({ ok: true, added: 1, removed: 2 });
		expect(badgeRulesOf(db, hood.id)).toEqual([{ categoryId: garden.id, kind: 'references' }]);
		expect(
			setBadgeRules(db, broker.id, hood.id, [{ categoryId: 9999, kind: 'references' }], NOW)
		).toEqual({ ok: false, error: 'unknown_category' });
		expect(badgeRulesOf(db, hood.id)).toHaveLength(1);
		const audits = db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'badge_rules.update'))
			.all();
		expect(audits.map((a) => JSON.parse(a.detail))).toEqual([
			{ added: [`${category.id}:met_in_person`, `${category.id}:good_conduct`], removed: [] },
			{
				added: [`${garden.id}:references`],
				removed: [`${category.id}:good_conduct`, `${category.id}:met_in_person`]
			}
		]);
	});

	it('tell which required badges a helper lacks now', () => {
		const { db, broker, hood, category, helper, resident, homeHelp, garden } = world();
		const other = resident('Lotte');
		expect(missingBadges(db, helper.id, homeHelp, NOW)).toEqual([]);
		setBadgeRules(
			db,
			broker.id,
			hood.id,
			[{ categoryId: category.id, kind: 'met_in_person' }],
			NOW
		);
		expect(missingBadges(db, helper.id, homeHelp, NOW)).toEqual(['met_in_person']);
		// Other categories need nothing.
		expect(missingBadges(db, helper.id, { ...homeHelp, categoryId: garden.id }, NOW)).toEqual([]);

		const granted = grantBadge(
			db,
			{
				userId: helper.id,
				brokerId: broker.id,
				kind: 'met_in_person',
				checkedOn: '2026-11-26',
				note: 'Gesprek in het dienstencentrum.'
			},
			NOW
		);
		if (!granted.ok) throw new Error('grant');
		expect(missingBadgesOf(db, [helper.id, other.id], homeHelp, NOW)).toEqual(
			new Map([
				[helper.id, []],
				[other.id, ['met_in_person']]
			])
		);
		revokeBadge(db, { badgeId: granted.badge.id, brokerId: broker.id, reason: 'Test' }, '', NOW);
		expect(missingBadges(db, helper.id, homeHelp, NOW)).toEqual(['met_in_person']);
		// An expired badge is missing too.
		db.insert(trustBadges)
			.values({ userId: helper.id, kind: 'met_in_person', grantedAt: 0, expiresAt: NOW })
			.run();
		expect(missingBadges(db, helper.id, homeHelp, NOW)).toEqual(['met_in_person']);
		expect(missingBadges(db, helper.id, homeHelp, NOW - 1)).toEqual([]);
	});
});
