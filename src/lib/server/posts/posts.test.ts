import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../db/client';
import { blocks, posts, trustBadges } from '../db/schema';
import { createTestDb, insertTestUser } from '../db/test-db';
import { approximate } from '../geo/approx';
import { createPost } from './create';
import { CENTRE, makePostInput, makeNeighbourhood } from '../testing/posts';
import {
	closePost,
	expireDuePosts,
	markStillNeeded,
	pausePost,
	reopenPost,
	sendDraft
} from './lifecycle';
import { acceptResponse, endMatch, respond } from './responses';
import { days } from '../calendar';
import { activeBadges } from '../trust/badges';

describe('posting', () => {
	let db: DB;
	let ctx: ReturnType<typeof makeNeighbourhood>;
	beforeEach(() => {
		db = createTestDb();
		ctx = makeNeighbourhood(db);
	});

	it('a resident without a trust badge waits for a broker; with one, the post is open at once', () => {
		const newcomer = ctx.resident('Rosa');
		const first = createPost(db, newcomer.id, makePostInput(ctx.category.id), true, 1000);
		expect(first.ok && first.post.status).toBe('pending');
		expect(first.ok && first.post.publishedAt).toBeNull();

		const vetted = ctx.resident('Jozef');
		db.insert(trustBadges).values({ userId: vetted.id, kind: 'met_in_person', grantedAt: 0 }).run();
		const second = createPost(db, vetted.id, makePostInput(ctx.category.id), true, 1000);
		expect(second.ok && second.post.status).toBe('open');
		expect(second.ok && second.post.expiresAt).toBe(1000 + days(30));
	});

	it('an expired or revoked badge does not count', () => {
		const r = ctx.resident('Karim');
		db.insert(trustBadges)
			.values({ userId: r.id, kind: 'good_conduct', grantedAt: 0, expiresAt: 500 })
			.run();
		db.insert(trustBadges)
			.values({ userId: r.id, kind: 'met_in_person', grantedAt: 0, revokedAt: 100 })
			.run();
		const result = createPost(db, r.id, makePostInput(ctx.category.id), true, 1000);
		expect(result.ok && result.post.status).toBe('pending');
	});

	it('pressing send twice makes one post', () => {
		const r = ctx.resident('Maria', { role: 'broker' });
		const a = createPost(db, r.id, makePostInput(ctx.category.id), true, 1);
		const b = createPost(db, r.id, makePostInput(ctx.category.id), true, 2);
		expect(a.ok && b.ok && a.post.id === b.post.id).toBe(true);
		expect(db.select().from(posts).all()).toHaveLength(1);
	});

	it('stores the exact point privately and only the H3 cell centre publicly', () => {
		const r = ctx.resident('Annie', { role: 'broker' });
		const result = createPost(db, r.id, makePostInput(ctx.category.id), true, 1);
		if (!result.ok) throw new Error(result.error);
		const expected = approximate(r.exactLat!, r.exactLon!);
		expect([result.post.exactLat, result.post.exactLon]).toEqual([r.exactLat, r.exactLon]);
		expect([result.post.approxLat, result.post.approxLon, result.post.approxCell]).toEqual([
			expected.lat,
			expected.lon,
			expected.cell
		]);
		expect(result.post.approxLat).not.toBe(result.post.exactLat);
	});

	it('refuses a place outside the neighbourhood and a poster without a place', () => {
		const r = ctx.resident('Nadia', { role: 'broker' });
		const outside = createPost(
			db,
			r.id,
			makePostInput(ctx.category.id, {
				place: { type: 'other', label: 'Station', lat: CENTRE.lat + 0.05, lon: CENTRE.lon }
			}),
			true,
			1
		);
		expect(outside).toEqual({ ok: false, field: 'place', error: 'post_err_place_outside' });
		const homeless = insertTestUser(db, { displayName: 'Zonder adres' });
		expect(createPost(db, homeless.id, makePostInput(ctx.category.id), true, 1)).toMatchObject({
			ok: false,
			field: 'place'
		});
		expect(db.select().from(posts).all()).toHaveLength(0);
	});

	it('turns a date and time window into an instant in the neighbourhood time zone', () => {
		const r = ctx.resident('Lotte', { role: 'broker' });
		const result = createPost(
			db,
			r.id,
			makePostInput(ctx.category.id, {
				whenType: 'window',
				whenDate: '2026-12-01',
				whenFrom: '09:30',
				whenTo: '11:00'
			}),
			true,
			1
		);
		// Brussels is UTC+1 in December.
		expect(result.ok && result.post.startsAt).toBe(Date.UTC(2026, 11, 1, 8, 30));
	});
});

describe('a post through its life', () => {
	it('draft → open → paused → reopened → closed, and expiry with "still needed"', () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const r = ctx.resident('Gilbert', { role: 'broker' });
		const draft = createPost(db, r.id, makePostInput(ctx.category.id), false, 0);
		if (!draft.ok) throw new Error('draft');
		expect(draft.post.status).toBe('draft');
		const open = sendDraft(db, draft.post, 10)!;
		expect(open.status).toBe('open');
		expect(pausePost(db, open, 20)!.status).toBe('paused');
		const reopened = reopenPost(db, { ...open, status: 'paused' }, 30)!;
		expect(reopened.status).toBe('open');
		expect(reopened.expiresAt).toBe(30 + days(30));

		expect(expireDuePosts(db, 30 + days(30) - 1)).toBe(0);
		expect(expireDuePosts(db, 30 + days(30))).toBe(1);
		const expired = db.select().from(posts).get()!;
		expect(expired.status).toBe('expired');
		const renewed = markStillNeeded(db, expired, days(40))!;
		expect(renewed.status).toBe('open');
		expect(renewed.expiresAt).toBe(days(70));
		expect(closePost(db, renewed, days(41))!.status).toBe('closed');
	});
});

describe('responding and matching', () => {
	it('a request needing one helper is filled by one match, refuses further responses, and reopens when the match is withdrawn', () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const asker = ctx.resident('Maria', { role: 'broker' });
		const a = ctx.resident('Jozef');
		const b = ctx.resident('Youssef');
		const created = createPost(db, asker.id, makePostInput(ctx.category.id), true, 0);
		if (!created.ok) throw new Error('post');
		const ra = respond(db, created.post, a.id, 'Ik kan dinsdag.', 1);
		const rb = respond(db, created.post, b.id, 'Ik kan woensdag.', 2);
		if (!ra.ok || !rb.ok) throw new Error('respond');
		expect(respond(db, created.post, a.id, 'Nog eens', 3)).toEqual({ ok: false, error: 'already' });

		const accepted = acceptResponse(db, ra.response.id, asker.id, 4);
		expect(accepted.ok && accepted.match.helperId).toBe(a.id);
		expect(accepted.ok && accepted.match.requesterId).toBe(asker.id);
		const filled = db.select().from(posts).get()!;
		expect(filled.status).toBe('filled');
		expect(acceptResponse(db, rb.response.id, asker.id, 5)).toEqual({
			ok: false,
			error: 'not_open'
		});
		expect(respond(db, filled, ctx.resident('Sofie').id, 'Ik ook', 6)).toEqual({
			ok: false,
			error: 'full'
		});

		if (!accepted.ok) throw new Error('accept');
		endMatch(db, accepted.match.id, a.id, 'withdrawn', 'Ik ben ziek', 7);
		expect(db.select().from(posts).get()!.status).toBe('open');
		expect(acceptResponse(db, rb.response.id, asker.id, 8).ok).toBe(true);
	});

	it('a done match keeps the request filled', () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const asker = ctx.resident('Annie', { role: 'broker' });
		const helper = ctx.resident('Thomas');
		const created = createPost(db, asker.id, makePostInput(ctx.category.id), true, 0);
		if (!created.ok) throw new Error('post');
		const r = respond(db, created.post, helper.id, 'Graag', 1);
		if (!r.ok) throw new Error('respond');
		const accepted = acceptResponse(db, r.response.id, asker.id, 2);
		if (!accepted.ok) throw new Error('accept');
		expect(endMatch(db, accepted.match.id, asker.id, 'done', null, 3)?.status).toBe('done');
		expect(db.select().from(posts).get()!.status).toBe('filled');
	});

	it('blocked people cannot respond to each other', () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const asker = ctx.resident('Irina', { role: 'broker' });
		const other = ctx.resident('X');
		db.insert(blocks).values({ blockerId: asker.id, blockedId: other.id, createdAt: 0 }).run();
		const created = createPost(db, asker.id, makePostInput(ctx.category.id), true, 0);
		if (!created.ok) throw new Error('post');
		expect(respond(db, created.post, other.id, 'Hallo', 1)).toEqual({
			ok: false,
			error: 'blocked'
		});
	});
});

describe('helpers needed under simultaneous accepts', () => {
	let dir: string;
	beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'naburig-'))));
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('accepts through two connections to one file (two server processes) never exceed helpers needed', () => {
		// Two connections to one database file stand for two server processes.
		const file = join(dir, 'race.db');
		const one = openDatabase(file).db;
		const two = openDatabase(file).db;
		const ctx = makeNeighbourhood(one);
		const asker = ctx.resident('Maria', { role: 'broker' });
		const created = createPost(
			one,
			asker.id,
			makePostInput(ctx.category.id, { helpersNeeded: 2 }),
			true,
			0
		);
		if (!created.ok) throw new Error('post');
		const responders = ['A', 'B', 'C', 'D'].map((n) => ctx.resident(n));
		const ids = responders.map((r) => {
			const res = respond(one, created.post, r.id, 'Ik help', 1);
			if (!res.ok) throw new Error('respond');
			return res.response.id;
		});
		// Alternate the two connections, as two processes racing would.
		const results = ids.map((id, i) => acceptResponse(i % 2 ? two : one, id, asker.id, 2));
		expect(results.filter((r) => r.ok)).toHaveLength(2);
		expect(two.select().from(posts).get()!.status).toBe('filled');
	});

	it('the insert itself refuses a match beyond helpers needed, even if the status says open', () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const asker = ctx.resident('Maria', { role: 'broker' });
		const created = createPost(db, asker.id, makePostInput(ctx.category.id), true, 0);
		if (!created.ok) throw new Error('post');
		const [a, b] = ['A', 'B'].map((n) => {
			const res = respond(db, created.post, ctx.resident(n).id, 'Ik help', 1);
			if (!res.ok) throw new Error('respond');
			return res.response.id;
		});
		expect(acceptResponse(db, a!, asker.id, 2).ok).toBe(true);
		// As if a second process had read "open" before the first accept was committed.
		db.update(posts).set({ status: 'open' }).run();
		expect(acceptResponse(db, b!, asker.id, 3)).toEqual({ ok: false, error: 'full' });
	});
});

describe('badges shown with a post', () => {
	it('are the granted ones that count now, once per kind', () => {
		const db = createTestDb();
		const u = insertTestUser(db);
		db.insert(trustBadges)
			.values([
				{ userId: u.id, kind: 'met_in_person', grantedAt: 10 },
				{ userId: u.id, kind: 'met_in_person', grantedAt: 20 },
				{ userId: u.id, kind: 'good_conduct', grantedAt: 30, expiresAt: 100 },
				{ userId: u.id, kind: 'references', grantedAt: 40, revokedAt: 50 },
				{ userId: u.id, kind: 'training', label: 'Discretie', grantedAt: 60 }
			])
			.run();
		expect(activeBadges(db, u.id, 99).map((b) => [b.kind, b.grantedAt, b.label])).toEqual([
			['met_in_person', 10, null],
			['good_conduct', 30, null],
			['training', 60, 'Discretie']
		]);
		expect(activeBadges(db, u.id, 100).map((b) => b.kind)).toEqual(['met_in_person', 'training']);
	});
});
