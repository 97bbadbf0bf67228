import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { blocks, posts, users } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { CENTRE } from '../testing/posts';
import { HOUR } from '../testing/dates';
import { makeAlertNeighbourhood } from '../testing/alerts';
import { newRequestsFor, type AlertPerson } from './requests';

const T = Date.UTC(2026, 9, 5, 10);

function town() {
	const db = createTestDb();
	const t = makeAlertNeighbourhood(db);
	const person = (extra: Partial<AlertPerson> = {}): AlertPerson => ({
		id: t.helper.id,
		neighbourhoodId: t.hood.id,
		home: CENTRE,
		distanceMeters: 1000,
		categoryIds: [],
		...extra
	});
	const titles = (p = person(), since = 0, until = T + 10 * HOUR) =>
		newRequestsFor(db, p, since, until).map((r) => r.title);
	return { db, ...t, person, titles };
}

describe('new requests for a helper', () => {
	it('tells published requests near home, oldest first, with their distance', () => {
		const { request, neighbour, person, db } = town();
		request(T + HOUR, { title: 'Later' });
		request(T, { title: 'Eerst' }, neighbour('Vera', 0.6));
		const found = newRequestsFor(db, person(), 0, T + 2 * HOUR);
		expect(found.map((r) => r.title)).toEqual(['Eerst', 'Later']);
		// The public point is a cell centre about 350 m across: near 600 m, never near 0.
		expect(found[0]!.metres).toBeGreaterThan(300);
		expect(found[0]!.metres).toBeLessThan(900);
	});

	it('tells only what was published in the window', () => {
		const { request, person, db } = town();
		request(T, { title: 'Voor' });
		request(T + HOUR, { title: 'Erin' });
		request(T + 2 * HOUR, { title: 'Na' });
		const found = newRequestsFor(db, person(), T, T + HOUR).map((r) => r.title);
		expect(found).toEqual(['Erin']);
	});

	it('leaves out offers, and requests not published or no longer looking for help', () => {
		const { db, request, titles } = town();
		request(T, { title: 'Aanbod', kind: 'offer' });
		for (const status of ['filled', 'paused', 'closed', 'pending', 'hidden'] as const) {
			const p = request(T, { title: status });
			db.update(posts).set({ status }).where(eq(posts.id, p.id)).run();
		}
		request(T, { title: 'Open' });
		expect(titles()).toEqual(['Open']);
	});

	it('leaves out requests farther than the chosen distance', () => {
		const { request, neighbour, titles, person } = town();
		request(T, { title: 'Dichtbij' }, neighbour('Dirk', 0.1));
		request(T, { title: 'Ver' }, neighbour('Verre', 1.6));
		expect(titles(person({ distanceMeters: 1000 }))).toEqual(['Dichtbij']);
		expect(titles(person({ distanceMeters: 2000 }))).toEqual(['Dichtbij', 'Ver']);
	});

	it('leaves out other categories when the person chose some', () => {
		const { request, titles, person, categoryId } = town();
		request(T, { title: 'Klus' });
		request(T, { title: 'Tuin', categoryId: categoryId('garden') });
		expect(titles(person({ categoryIds: [categoryId('garden')] }))).toEqual(['Tuin']);
		expect(titles(person({ categoryIds: [] }))).toEqual(['Klus', 'Tuin']);
	});

	it('never tells a request between people who blocked each other, either way', () => {
		const { db, request, neighbour, helper, titles } = town();
		const blocker = neighbour('Bert');
		const blocked = neighbour('Bea');
		request(T, { title: 'Van Bert' }, blocker);
		request(T, { title: 'Van Bea' }, blocked);
		request(T, { title: 'Van een ander' });
		db.insert(blocks).values({ blockerId: blocker.id, blockedId: helper.id, createdAt: 0 }).run();
		db.insert(blocks).values({ blockerId: helper.id, blockedId: blocked.id, createdAt: 0 }).run();
		expect(titles()).toEqual(['Van een ander']);
	});

	it("never tells the person's own request, nor one they placed for someone else", () => {
		const { db, request, helper, neighbour, titles } = town();
		request(T, { title: 'Van mij' }, helper);
		const placed = request(T, { title: 'Voor mijn buur' }, neighbour('Pim'));
		db.update(posts).set({ placedById: helper.id }).where(eq(posts.id, placed.id)).run();
		request(T, { title: 'Van een ander' });
		expect(titles()).toEqual(['Van een ander']);
	});

	it('tells nothing to someone who may not help: suspended', () => {
		const { db, request, helper, titles } = town();
		request(T, { title: 'Hulp' });
		expect(titles()).toEqual(['Hulp']);
		db.update(users).set({ status: 'suspended' }).where(eq(users.id, helper.id)).run();
		expect(titles()).toEqual([]);
	});
});
