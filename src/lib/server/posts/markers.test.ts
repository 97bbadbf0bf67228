import { describe, expect, it } from 'vitest';
import { posts, trustBadges } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { createPost } from './create';
import { parseFilters } from './list';
import { markersIn, viewportSchema, type PostMarker } from './markers';
import { CENTRE, makePostInput, makeNeighbourhood } from '../testing/posts';
import { viewerOf } from './viewer';

const NOW = Date.UTC(2026, 10, 24, 9);

function town() {
	const db = createTestDb();
	const ctx = makeNeighbourhood(db);
	const poster = (name: string, dLat: number) => {
		const u = ctx.resident(name, { exactLat: CENTRE.lat + dLat, exactLon: CENTRE.lon });
		db.insert(trustBadges).values({ userId: u.id, kind: 'met_in_person', grantedAt: 0 }).run();
		return u;
	};
	const near = poster('Anna', 0.001);
	const far = poster('Bert', 0.008);
	for (let i = 0; i < 3; i++)
		createPost(
			db,
			near.id,
			makePostInput(ctx.category.id, { submissionKey: `n${i}`, kind: i ? 'request' : 'offer' }),
			true,
			NOW
		);
	createPost(db, far.id, makePostInput(ctx.category.id, { submissionKey: 'f' }), true, NOW);
	const viewer = ctx.resident('Carl');
	return { db, ctx, viewer, near };
}

const viewport = (bbox: string, zoom: number) => viewportSchema.parse({ bbox, zoom: String(zoom) });
const around = (d: number) =>
	`${CENTRE.lon - d},${CENTRE.lat - d},${CENTRE.lon + d},${CENTRE.lat + d}`;

describe('map markers', () => {
	it('count nearby posts together when zoomed out, and show each post when zoomed in', () => {
		const { db, viewer } = town();
		const v = viewerOf(db, viewer.id);
		const out = markersIn(
			db,
			viewport(around(0.02), 14),
			parseFilters(new URLSearchParams()),
			v,
			NOW,
			'nl'
		);
		const clusters = out.filter((m) => m.type === 'cluster');
		expect(clusters).toHaveLength(1);
		expect(clusters[0]).toMatchObject({ count: 3, requests: 2, offers: 1 });
		expect(out.filter((m) => m.type === 'post')).toHaveLength(1);

		const inside = markersIn(
			db,
			viewport(around(0.02), 17),
			parseFilters(new URLSearchParams()),
			v,
			NOW,
			'nl'
		);
		expect(inside).toHaveLength(4);
		const post = inside.find((m) => m.type === 'post') as PostMarker;
		expect(post.title).toBe('Lamp vervangen in de keuken');
		expect(post.category).toBe('Kleine klusjes in huis');
		// Only the approximate point, never the exact one.
		expect(JSON.stringify(inside)).not.toContain(String(CENTRE.lat + 0.001));
	});

	it('put posts at different points together in one cell, at their average point', () => {
		const { db, viewer } = town();
		const out = markersIn(
			db,
			viewport(around(0.5), 5),
			parseFilters(new URLSearchParams()),
			viewerOf(db, viewer.id),
			NOW,
			'nl'
		);
		const points = db.select().from(posts).all();
		expect(new Set(points.map((p) => p.approxLat)).size).toBe(2);
		const mean = (k: 'approxLat' | 'approxLon') =>
			points.reduce((sum, p) => sum + p[k], 0) / points.length;
		expect(out).toEqual([
			{
				type: 'cluster',
				count: 4,
				requests: 3,
				offers: 1,
				lat: expect.closeTo(mean('approxLat'), 5),
				lon: expect.closeTo(mean('approxLon'), 5)
			}
		]);
	});

	it('return only what is in the viewport, with the list filters', () => {
		const { db, viewer } = town();
		const v = viewerOf(db, viewer.id);
		const small = markersIn(
			db,
			viewport(around(0.004), 17),
			parseFilters(new URLSearchParams()),
			v,
			NOW,
			'nl'
		);
		expect(small).toHaveLength(3);
		const offers = markersIn(
			db,
			viewport(around(0.02), 17),
			parseFilters(new URLSearchParams('kind=offer')),
			v,
			NOW,
			'nl'
		);
		expect(offers.map((m) => m.type === 'post' && m.kind)).toEqual(['offer']);
	});

	it('refuse a viewport that is not one', () => {
		expect(viewportSchema.safeParse({ bbox: '1,2,3', zoom: '10' }).success).toBe(false);
		expect(viewportSchema.safeParse({ bbox: '5,2,3,4', zoom: '10' }).success).toBe(false);
		expect(viewportSchema.safeParse({ bbox: '1,2,3,4', zoom: '40' }).success).toBe(false);
		expect(viewportSchema.safeParse({ bbox: '1,2,3,4', zoom: '10' }).success).toBe(true);
	});
});
