import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { DB } from '../db/client';
import {
	auditLog,
	matchProposals,
	neighbourhoods,
	trustBadges,
	userCategories,
	volunteerAcceptances,
	volunteerAgreements
} from '../db/schema';
import { createTestDb } from '../db/test-db';
import { brokerSettingsOf, setBrokerSettings } from '../broker/settings';
import { careSettings } from './care';
import { approximate } from '../geo/approx';
import { proposeMatch } from '../matching/proposals';
import { suggestHelpers } from '../matching/suggestions';
import { createPost } from '../posts/create';
import { CENTRE, makePostInput } from '../testing/posts';
import { makeMatch, makeTrustNeighbourhood } from '../testing/trust';

const NOW = Date.UTC(2026, 10, 24, 9);
const ORIGIN = 'https://buurt.example';

/** A request, a broker, and a helper near it who likes its category, with `running` matches. */
function world(running: number, limit = 3) {
	const db = createTestDb();
	const ctx = makeTrustNeighbourhood(db);
	db.update(neighbourhoods)
		.set({ helperMatchLimit: limit })
		.where(eq(neighbourhoods.id, ctx.hood.id))
		.run();
	const cell = approximate(CENTRE.lat + 0.001, CENTRE.lon + 0.001);
	const helper = ctx.resident('Sofie Claes', {
		approxCell: cell.cell,
		approxLat: cell.lat,
		approxLon: cell.lon
	});
	db.insert(userCategories).values({ userId: helper.id, categoryId: ctx.category.id }).run();
	const requester = ctx.resident('Maria Janssens');
	// With a badge, her request is published without waiting for a check.
	db.insert(trustBadges)
		.values({ userId: requester.id, kind: 'met_in_person', grantedAt: 0 })
		.run();
	for (let i = 0; i < running; i++) makeMatch(db, ctx.category.id, requester, helper, 'active');
	const made = createPost(
		db,
		requester.id,
		makePostInput(ctx.category.id, { submissionKey: 'limit' }),
		true,
		NOW
	);
	if (!made.ok) throw new Error(made.error);
	return { db, ...ctx, helper, post: made.post };
}

const propose = (
	db: DB,
	w: { post: { id: number }; helper: { id: string }; broker: { id: string } },
	limitConfirmed?: boolean
) =>
	proposeMatch(
		db,
		{
			postId: w.post.id,
			helperId: w.helper.id,
			brokerId: w.broker.id,
			note: '',
			badgeWaived: false,
			limitConfirmed
		},
		ORIGIN,
		NOW
	);

describe('the running-match limit in suggestions and proposals', () => {
	it('lets the broker propose a helper below the limit without confirming', () => {
		const w = world(2);
		const s = suggestHelpers(w.db, w.post.id, NOW)!;
		expect(s.helperMatchLimit).toBe(3);
		expect(s.suggestions.map((x) => [x.name, x.activeMatches, x.busy])).toEqual([
			['Sofie Claes', 2, false]
		]);
		expect(propose(w.db, w).ok).toBe(true);
	});

	it('says "busy" at the limit and refuses to propose until the broker confirms', () => {
		const w = world(3);
		expect(suggestHelpers(w.db, w.post.id, NOW)!.suggestions[0]!.busy).toBe(true);
		expect(propose(w.db, w)).toEqual({ ok: false, error: 'busy', running: 3, limit: 3 });
		expect(w.db.select().from(matchProposals).all()).toEqual([]);
		const confirmed = propose(w.db, w, true);
		expect(confirmed.ok).toBe(true);
		const audit = w.db
			.select({ detail: auditLog.detail })
			.from(auditLog)
			.where(and(eq(auditLog.action, 'match.propose')))
			.get()!;
		expect(JSON.parse(audit.detail)).toMatchObject({ overLimit: { running: 3, limit: 3 } });
	});

	it('follows the neighbourhood’s own limit', () => {
		const w = world(1, 1);
		expect(suggestHelpers(w.db, w.post.id, NOW)!.suggestions[0]!.busy).toBe(true);
		expect(propose(w.db, w)).toMatchObject({ ok: false, error: 'busy' });
		w.db.update(neighbourhoods).set({ helperMatchLimit: 2 }).run();
		expect(propose(w.db, w).ok).toBe(true);
	});

	it('shows each helper’s standing with the volunteer agreement', () => {
		const w = world(0);
		expect(suggestHelpers(w.db, w.post.id, NOW)!.suggestions[0]!.agreement).toBe('none');
		const v1 = w.db
			.insert(volunteerAgreements)
			.values({ neighbourhoodId: w.hood.id, version: 1, body: '{}', publishedAt: 0 })
			.returning()
			.all()[0]!;
		expect(suggestHelpers(w.db, w.post.id, NOW)!.suggestions[0]!.agreement).toBe('not_accepted');
		w.db
			.insert(volunteerAcceptances)
			.values({ agreementId: v1.id, userId: w.helper.id, method: 'online', acceptedAt: 1 })
			.run();
		expect(suggestHelpers(w.db, w.post.id, NOW)!.suggestions[0]!.agreement).toBe('accepted');
		w.db
			.insert(volunteerAgreements)
			.values({ neighbourhoodId: w.hood.id, version: 2, body: '{}', publishedAt: 2 })
			.run();
		expect(suggestHelpers(w.db, w.post.id, NOW)!.suggestions[0]!.agreement).toBe('outdated');
	});
});

describe('the care settings of a neighbourhood', () => {
	it('are changed on the settings page and logged with the old and new value', () => {
		const w = world(0);
		expect(brokerSettingsOf(w.db, w.hood.id)).toMatchObject({
			helperMatchLimit: 3,
			volunteerContactWeeks: 8
		});
		setBrokerSettings(
			w.db,
			w.broker.id,
			w.hood.id,
			{ helperMatchLimit: 1, volunteerContactWeeks: 8 },
			NOW
		);
		expect(careSettings(w.db, w.hood.id)).toEqual({
			helperMatchLimit: 1,
			volunteerContactWeeks: 8
		});
		const logged = w.db
			.select({ detail: auditLog.detail })
			.from(auditLog)
			.where(eq(auditLog.action, 'neighbourhood.broker_settings'))
			.all();
		expect(logged.map((l) => JSON.parse(l.detail))).toEqual([
			{ helperMatchLimit: { from: 3, to: 1 } }
		]);
	});
});
