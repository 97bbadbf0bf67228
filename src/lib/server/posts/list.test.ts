import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { categories, posts, trustBadges, userCategories } from '../db/schema';
import type { DB } from '../db/client';
import { createTestDb, insertTestUser } from '../db/test-db';
import { createPost, type PostInput } from './create';
import { pausePost } from './lifecycle';
import { filtersQuery, listOpenPosts, PAGE_SIZE, parseFilters, type ListFilters } from './list';
import { CENTRE, makePostInput, makeNeighbourhood } from '../testing/posts';
import { viewerOf } from './viewer';
import { recordListVisit, VISIT_GAP_MS } from './visits';

// Tuesday 1 December 2026, 11:00 in Brussels.
const NOW = Date.UTC(2026, 11, 1, 10);
const none: ListFilters = {
	kind: null,
	categoryId: null,
	date: null,
	within: null,
	newOnly: false,
	sort: 'relevance',
	page: 1
};
const viewer = { point: { lat: CENTRE.lat - 0.008, lon: CENTRE.lon }, timeZone: 'Europe/Brussels' };

describe('the list of open posts', () => {
	let db: DB;
	let ctx: ReturnType<typeof makeNeighbourhood>;
	let n = 0;
	/** A post by a broker (open at once), or by a newcomer when `pending`. */
	const post = (extra: Partial<PostInput> = {}, at = NOW - 1000 + n, pending = false) => {
		const author = ctx.resident(`R${n}`, pending ? {} : { role: 'broker' });
		const r = createPost(
			db,
			author.id,
			makePostInput(ctx.category.id, { submissionKey: `k${n++}`, ...extra }),
			true,
			at
		);
		if (!r.ok) throw new Error(r.error);
		return r.post;
	};
	const ids = (f: Partial<ListFilters>) =>
		listOpenPosts(db, { ...none, ...f }, viewer, NOW, 'nl')
			.items.map((i) => i.id)
			.sort((a, b) => a - b);

	beforeEach(() => {
		db = createTestDb();
		ctx = makeNeighbourhood(db);
		n = 0;
	});

	it('lists only open posts, newest first, with public facts only', () => {
		const older = post({}, NOW - 5000);
		const newer = post({ title: 'Nieuwer' }, NOW - 10);
		post({}, NOW, true); // waits for a broker
		const draftAuthor = ctx.resident('Klad', { role: 'broker' });
		createPost(
			db,
			draftAuthor.id,
			makePostInput(ctx.category.id, { submissionKey: 'd' }),
			false,
			NOW
		);
		const paused = post();
		pausePost(db, paused, NOW);

		const { items } = listOpenPosts(db, none, viewer, NOW, 'en');
		expect(items.map((i) => i.id)).toEqual([newer.id, older.id]);
		expect(items[0]).toMatchObject({
			title: 'Nieuwer',
			kind: 'request',
			categoryName: 'Small jobs in the house',
			neighbourhood: 'Testwijk'
		});
		expect(Object.keys(items[0]!)).not.toContain('approxLat');
		expect(JSON.stringify(items)).not.toMatch(/exact|Lat|Lon/);
	});

	it('filters by kind and category', () => {
		const request = post();
		const offer = post({ kind: 'offer', standing: true });
		const other = db
			.select()
			.from(categories)
			.all()
			.find((c) => c.slug === 'shopping')!;
		const shopping = post({ categoryId: other.id });
		expect(ids({ kind: 'offer' })).toEqual([offer.id]);
		expect(ids({ kind: 'request' })).toEqual([request.id, shopping.id]);
		expect(ids({ categoryId: other.id })).toEqual([shopping.id]);
		expect(ids({ kind: 'offer', categoryId: other.id })).toEqual([]);
	});

	it('filters by date in the neighbourhood time zone: today, this week, flexible', () => {
		const today = post({
			whenType: 'window',
			whenDate: '2026-12-01',
			whenFrom: '14:00',
			whenTo: '15:00'
		});
		const friday = post({ whenType: 'date', whenDate: '2026-12-04' });
		const later = post({ whenType: 'date', whenDate: '2026-12-20' });
		const tuesdays = post({ whenType: 'recurring', recurringDay: 2, recurringPart: 'evening' });
		const saturdays = post({ whenType: 'recurring', recurringDay: 6, recurringPart: 'morning' });
		const flexible = post({ whenType: 'flexible' });
		expect(ids({ date: 'today' })).toEqual([today.id, tuesdays.id]);
		expect(ids({ date: 'week' })).toEqual([today.id, friday.id, tuesdays.id, saturdays.id]);
		expect(ids({ date: 'flexible' })).toEqual([flexible.id]);
		expect(ids({})).toContain(later.id);
	});

	it('filters by distance from the viewer to the approximate point, shown as a band', () => {
		const at = (dLat: number): Partial<PostInput> => ({
			place: { type: 'other', label: 'Plek', lat: CENTRE.lat + dLat, lon: CENTRE.lon }
		});
		const near = post(at(-0.007)); // ~110 m from the viewer
		const mid = post(at(-0.0015)); // ~720 m
		const far = post(at(0.006)); // ~1.56 km
		expect(ids({ within: 500 })).toEqual([near.id]);
		expect(ids({ within: 1000 })).toEqual([near.id, mid.id]);
		expect(ids({ within: 2000 })).toEqual([near.id, mid.id, far.id]);
		const bands = listOpenPosts(db, none, viewer, NOW, 'nl').items.map((i) => [i.id, i.band]);
		expect(bands).toEqual(
			expect.arrayContaining([
				[near.id, 500],
				[mid.id, 1000],
				[far.id, 2000]
			])
		);
		// Without a place of their own the viewer sees no bands, and the filter does nothing.
		const nowhere = listOpenPosts(
			db,
			{ ...none, within: 500 },
			{ point: null, timeZone: 'Europe/Brussels' },
			NOW,
			'nl'
		);
		expect(nowhere.items.map((i) => i.band)).toEqual([null, null, null]);
	});

	it('pages through the list twenty at a time', () => {
		const all = Array.from({ length: 45 }, (_, i) => post({}, NOW - 100_000 + i * 10));
		const first = listOpenPosts(db, none, viewer, NOW, 'nl');
		expect(first.items).toHaveLength(PAGE_SIZE);
		expect(first.hasNext).toBe(true);
		expect(first.items[0]!.id).toBe(all[44]!.id);
		const third = listOpenPosts(db, { ...none, page: 3 }, viewer, NOW, 'nl');
		expect(third.items.map((i) => i.id)).toEqual(
			all
				.slice(0, 5)
				.map((p) => p.id)
				.reverse()
		);
		expect(third.hasNext).toBe(false);
	});
});

describe('filters in the URL', () => {
	it('reads known values, ignores the rest, and writes them back', () => {
		const f = parseFilters(
			new URLSearchParams('kind=offer&category=3&date=week&within=1000&new=1&sort=newest&page=2')
		);
		expect(f).toEqual({
			kind: 'offer',
			categoryId: 3,
			date: 'week',
			within: 1000,
			newOnly: true,
			sort: 'newest',
			page: 2
		});
		expect(filtersQuery(f, 3)).toBe(
			'?kind=offer&category=3&date=week&within=1000&new=1&sort=newest&page=3'
		);
		expect(
			parseFilters(
				new URLSearchParams('kind=x&category=-1&date=soon&within=7&new=yes&sort=x&page=0')
			)
		).toEqual(none);
		expect(filtersQuery(none, 1)).toBe('');
	});
});

/** Mia, at the centre, who helps with gardens. */
function gardenHelper() {
	const db = createTestDb();
	const ctx = makeNeighbourhood(db);
	const garden = db.select().from(categories).where(eq(categories.slug, 'garden')).get()!;
	const me = ctx.resident('Mia', { exactLat: CENTRE.lat, exactLon: CENTRE.lon });
	db.insert(userCategories).values({ userId: me.id, categoryId: garden.id }).run();
	return { db, ctx, garden, me };
}

describe('the order of the list and "new since my last visit"', () => {
	it('puts my categories first, then the nearest, then the newest', () => {
		const { db, ctx, garden, me } = gardenHelper();
		const poster = (name: string, dLat: number) => {
			const u = ctx.resident(name, { exactLat: CENTRE.lat + dLat, exactLon: CENTRE.lon });
			db.insert(trustBadges).values({ userId: u.id, kind: 'met_in_person', grantedAt: 0 }).run();
			return u;
		};
		const near = poster('Dichtbij', 0.001);
		const far = poster('Verweg', 0.008);
		const post = (u: { id: string }, title: string, categoryId: number, at: number) =>
			createPost(db, u.id, makePostInput(categoryId, { title, submissionKey: title }), true, at);
		post(far, 'Ver, mijn soort hulp', garden.id, NOW - 3000);
		post(near, 'Dichtbij, oud', ctx.category.id, NOW - 2000);
		post(far, 'Ver, nieuw', ctx.category.id, NOW - 1000);
		post(near, 'Dichtbij, nieuw', ctx.category.id, NOW);
		const v = viewerOf(db, me.id);
		const titles = (f: Partial<ListFilters>) =>
			listOpenPosts(db, { ...none, ...f }, v, NOW, 'nl').items.map((p) => p.title);
		expect(titles({})).toEqual([
			'Ver, mijn soort hulp',
			'Dichtbij, nieuw',
			'Dichtbij, oud',
			'Ver, nieuw'
		]);
		expect(titles({ sort: 'newest' })).toEqual([
			'Dichtbij, nieuw',
			'Ver, nieuw',
			'Dichtbij, oud',
			'Ver, mijn soort hulp'
		]);
		// Seen before at NOW - 1500: only what came after counts as new.
		const seen = listOpenPosts(
			db,
			{ ...none, newOnly: true },
			{ ...v, seenBefore: NOW - 1500 },
			NOW,
			'nl'
		);
		expect(seen.items.map((p) => p.title)).toEqual(['Dichtbij, nieuw', 'Ver, nieuw']);
	});

	it('keeps that order on every page, also where my categories run out within a page', () => {
		const { db, ctx, garden, me } = gardenHelper();
		// 27 posts in my category and 30 others, at different places and times, by posters with a
		// badge (so they go online at once).
		for (let i = 0; i < 57; i++) {
			const u = ctx.resident(`P${i}`, {
				exactLat: CENTRE.lat + ((i * 7) % 19) * 0.0004,
				exactLon: CENTRE.lon - ((i * 5) % 13) * 0.0005
			});
			db.insert(trustBadges).values({ userId: u.id, kind: 'met_in_person', grantedAt: 0 }).run();
			const r = createPost(
				db,
				u.id,
				makePostInput(i % 2 === 0 && i < 54 ? garden.id : ctx.category.id, {
					submissionKey: `o${i}`
				}),
				true,
				NOW - 60_000 + ((i * 13) % 57) * 100
			);
			if (!r.ok) throw new Error(r.error);
		}
		// The expected order, worked out here from the stored public points.
		const cos = Math.cos(CENTRE.lat * (Math.PI / 180));
		const expected = db
			.select()
			.from(posts)
			.all()
			.map((p) => ({
				id: p.id,
				mine: p.categoryId === garden.id ? 0 : 1,
				d: (p.approxLat - CENTRE.lat) ** 2 + ((p.approxLon - CENTRE.lon) * cos) ** 2,
				at: p.publishedAt!
			}))
			.sort((a, b) => a.mine - b.mine || a.d - b.d || b.at - a.at || b.id - a.id)
			.map((p) => p.id);
		const v = viewerOf(db, me.id);
		const pages = [1, 2, 3].map((page) => listOpenPosts(db, { ...none, page }, v, NOW, 'nl'));
		expect(pages.map((p) => p.items.length)).toEqual([20, 20, 17]);
		expect(pages.map((p) => p.hasNext)).toEqual([true, true, false]);
		expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(expected);
		// Page 3 starts after my categories ran out on page 2.
		expect(listOpenPosts(db, { ...none, page: 4 }, v, NOW, 'nl').items).toEqual([]);
	});

	it('remembers the previous visit while the person pages through the list', () => {
		const db = createTestDb();
		const me = insertTestUser(db);
		expect(recordListVisit(db, me.id, 1_000_000)).toBeNull();
		expect(recordListVisit(db, me.id, 1_000_000 + 60_000)).toBeNull();
		const later = 1_000_000 + VISIT_GAP_MS * 10;
		expect(recordListVisit(db, me.id, later)).toBe(1_000_000 + 60_000);
		expect(recordListVisit(db, me.id, later + 60_000)).toBe(1_000_000 + 60_000);
	});
});
