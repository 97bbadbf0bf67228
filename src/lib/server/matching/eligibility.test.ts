import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { blocks, matches, responses, trustBadges, userCategories, users } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { approximate } from '../geo/approx';
import { createPost } from '../posts/create';
import { acceptResponse, respond } from '../posts/responses';
import { makeBareNeighbourhood } from '../testing/neighbourhoods';
import { CENTRE, makePostInput, makeNeighbourhood } from '../testing/posts';
import { helperRefusal, type HelperRefusal } from './eligibility';
import { answerProposal, proposeMatch } from './proposals';
import { suggestHelpers } from './suggestions';

const NOW = Date.UTC(2026, 10, 24, 9);

/** Rosa's request, a broker, and a neighbour (200 m away, liking the category) to shape. */
function world() {
	const db = createTestDb();
	const ctx = makeNeighbourhood(db);
	const requester = ctx.resident('Rosa');
	// A known requester: her request is published at once, not held for the broker.
	db.insert(trustBadges)
		.values({ userId: requester.id, kind: 'met_in_person', grantedAt: 0 })
		.run();
	const made = createPost(db, requester.id, makePostInput(ctx.category.id), true, NOW);
	if (!made.ok) throw new Error('post');
	const broker = ctx.resident('Bea', { role: 'broker' });
	const other = makeBareNeighbourhood(db, {
		boundary: '{"type":"Polygon","coordinates":[]}',
		centreLat: CENTRE.lat,
		centreLon: CENTRE.lon
	});
	const neighbour = (name: string) => {
		const lat = CENTRE.lat + 200 / 111_320;
		const cell = approximate(lat, CENTRE.lon);
		const u = ctx.resident(name, {
			exactLat: lat,
			exactLon: CENTRE.lon,
			approxCell: cell.cell,
			approxLat: cell.lat,
			approxLon: cell.lon
		});
		db.insert(userCategories).values({ userId: u.id, categoryId: ctx.category.id }).run();
		return u;
	};
	const propose = (helperId: string) =>
		proposeMatch(
			db,
			{ postId: made.post.id, helperId, brokerId: broker.id, note: '', badgeWaived: false },
			'',
			NOW
		);
	const suggested = () => suggestHelpers(db, made.post.id, NOW)!.suggestions.map((s) => s.helperId);
	return { db, post: made.post, requester, broker, other, neighbour, propose, suggested };
}

type World = ReturnType<typeof world>;

/** Each way a neighbour can be out of reach of Rosa's request, and the reason the broker reads. */
const cases: [string, HelperRefusal, (w: World, helperId: string) => void][] = [
	[
		'lives in another neighbourhood',
		'other_neighbourhood',
		(w, id) => w.db.update(users).set({ neighbourhoodId: w.other.id }).where(eq(users.id, id)).run()
	],
	[
		'is an admin',
		'not_a_resident',
		(w, id) => w.db.update(users).set({ role: 'admin' }).where(eq(users.id, id)).run()
	],
	[
		'is suspended',
		'suspended',
		(w, id) => w.db.update(users).set({ status: 'suspended' }).where(eq(users.id, id)).run()
	],
	[
		'blocked the requester',
		'blocked',
		(w, id) =>
			w.db.insert(blocks).values({ blockerId: id, blockedId: w.requester.id, createdAt: 0 }).run()
	],
	[
		'was blocked by the requester',
		'blocked',
		(w, id) =>
			w.db.insert(blocks).values({ blockerId: w.requester.id, blockedId: id, createdAt: 0 }).run()
	]
];

describe('who may help with a request', () => {
	it('a neighbour of the request, resident or broker, may: suggested and proposable', () => {
		const w = world();
		const ahmet = w.neighbour('Ahmet');
		const bart = w.neighbour('Bart');
		w.db.update(users).set({ role: 'broker' }).where(eq(users.id, bart.id)).run();
		expect(w.suggested().sort()).toEqual([ahmet.id, bart.id].sort());
		expect(w.propose(ahmet.id).ok).toBe(true);
		expect(w.propose(bart.id).ok).toBe(true);
	});

	it('the requester and a missing person may not', () => {
		const w = world();
		const place = { neighbourhoodId: w.post.neighbourhoodId, requesterId: w.requester.id };
		expect(helperRefusal(w.db, place, w.requester.id)).toBe('own_post');
		expect(helperRefusal(w.db, place, 'nobody')).toBe('gone');
	});

	for (const [what, refusal, shape] of cases) {
		describe(`someone who ${what}`, () => {
			it('is not suggested, and proposing them is refused with the reason', () => {
				const w = world();
				const h = w.neighbour('Ahmet');
				shape(w, h.id);
				expect(w.suggested()).not.toContain(h.id);
				expect(w.propose(h.id)).toEqual({ ok: false, error: 'ineligible', refusal });
			});

			it('cannot be matched by accepting their response', () => {
				const w = world();
				const h = w.neighbour('Ahmet');
				const response = w.db
					.insert(responses)
					.values({ postId: w.post.id, responderId: h.id, message: 'Ik help', createdAt: NOW })
					.returning()
					.all()[0]!;
				shape(w, h.id);
				expect(acceptResponse(w.db, response.id, w.requester.id, NOW)).toEqual({
					ok: false,
					error: 'ineligible',
					refusal
				});
				expect(w.db.select().from(matches).all()).toEqual([]);
			});

			it('cannot respond to the request in the first place', () => {
				const w = world();
				const h = w.neighbour('Ahmet');
				shape(w, h.id);
				expect(respond(w.db, w.post, h.id, 'Ik help', NOW)).toEqual({
					ok: false,
					error: refusal === 'blocked' ? 'blocked' : 'ineligible'
				});
			});

			it('cannot say yes to a proposal made before', () => {
				const w = world();
				const h = w.neighbour('Ahmet');
				const proposed = w.propose(h.id);
				if (!proposed.ok) throw new Error(proposed.error);
				shape(w, h.id);
				expect(answerProposal(w.db, proposed.proposal.id, h.id, true, '', NOW + 1000)).toEqual({
					ok: false,
					error: 'ineligible'
				});
				expect(w.db.select().from(matches).all()).toEqual([]);
			});
		});
	}
});
