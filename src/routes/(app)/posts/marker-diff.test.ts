import { describe, expect, it } from 'vitest';
import type { ClusterMarker, PostMarker } from '$lib/server/posts/markers';
import {
	bboxParam,
	covers,
	grow,
	markerChanges,
	markerContent,
	markerKey,
	type Area
} from './marker-diff';

const post = (id: number, title = `Post ${id}`): PostMarker => ({
	type: 'post',
	id,
	kind: 'request',
	lat: 51.03,
	lon: 4.48,
	title,
	category: 'Boodschappen',
	icon: '🛒',
	band: null,
	whenType: 'flexible'
});
const group = (count: number): ClusterMarker => ({
	type: 'cluster',
	lat: 51.02,
	lon: 4.47,
	count,
	requests: 1,
	offers: count - 1
});
const shown = (...ms: (PostMarker | ClusterMarker)[]) =>
	new Map(ms.map((m) => [markerKey(m), markerContent(m)]));

describe('markerChanges', () => {
	it('leaves the markers that come back as they are, adds the new and removes the gone', () => {
		const changes = markerChanges(shown(post(1), post(2)), [post(2), post(3)]);
		expect(changes.add.map(markerKey)).toEqual(['post:3']);
		expect(changes.remove).toEqual(['post:1']);
	});

	it('changes nothing when the same markers come back', () => {
		expect(markerChanges(shown(post(1), group(3)), [group(3), post(1)])).toEqual({
			add: [],
			remove: []
		});
	});

	it('redraws a post whose card changed, and a group whose count changed', () => {
		const changes = markerChanges(shown(post(1), group(3)), [post(1, 'New title'), group(4)]);
		expect(changes.remove.sort()).toEqual(['group:51.02,4.47:3:1', 'post:1']);
		expect(changes.add.map((m) => (m.type === 'post' ? m.title : m.count))).toEqual([
			'New title',
			4
		]);
	});

	it('keeps the marker with focus or an open card, even when the answer leaves it out or changes it', () => {
		const keep = new Set(['post:1', 'post:2']);
		const changes = markerChanges(shown(post(1), post(2), post(3)), [post(2, 'Other')], keep);
		expect(changes).toEqual({ add: [], remove: ['post:3'] });
	});

	it('adds a marker only once when the answer names it twice', () => {
		expect(markerChanges(new Map(), [post(1), post(1)]).add).toHaveLength(1);
	});
});

describe('covers', () => {
	const box = { west: 4.4, south: 51, east: 4.5, north: 51.1 };
	const loaded: Area = { box: grow(box, 0.5), zoom: 15, query: '?kind=request' };

	it('answers for a small move within what was loaded', () => {
		const moved = { west: 4.43, south: 51.02, east: 4.53, north: 51.12 };
		expect(covers(loaded, { box: moved, zoom: 15, query: '?kind=request' })).toBe(true);
	});

	it('does not answer beyond the loaded box, at another zoom, with other filters or before any load', () => {
		const far = { west: 4.5, south: 51, east: 4.6, north: 51.1 };
		expect(covers(loaded, { box: far, zoom: 15, query: '?kind=request' })).toBe(false);
		expect(covers(loaded, { box, zoom: 16, query: '?kind=request' })).toBe(false);
		expect(covers(loaded, { box, zoom: 15, query: '' })).toBe(false);
		expect(covers(undefined, { box, zoom: 15, query: '' })).toBe(false);
	});
});

describe('grow and bboxParam', () => {
	it('grows a box on every side and rounds it outwards for the endpoint', () => {
		const b = grow({ west: 4.4, south: 51, east: 4.5, north: 51.1 }, 0.5);
		expect(b.west).toBeCloseTo(4.35);
		expect(b.north).toBeCloseTo(51.15);
		expect(bboxParam({ west: 4.123456, south: 51.123456, east: 4.123451, north: 51.123451 })).toBe(
			'4.12345,51.12345,4.12346,51.12346'
		);
	});
});
