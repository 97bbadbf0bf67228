import { describe, expect, it } from 'vitest';
import { ensureCategories } from '../categories/pilot';
import { categories, messages, posts, responses } from '../db/schema';
import { createTestDb, insertTestUser } from '../db/test-db';
import { deleteAccount } from '../privacy/delete';
import { exportPersonalData } from '../privacy/export';
import { makeBareNeighbourhood } from '../testing/neighbourhoods';
import { createPost } from './create';
import { respond } from './responses';

function setUp() {
	const db = createTestDb();
	ensureCategories(db);
	const hood = makeBareNeighbourhood(db, { name: 'T' });
	const person = (name: string) =>
		insertTestUser(db, {
			displayName: name,
			role: 'broker',
			neighbourhoodId: hood.id,
			exactLat: 51.0336,
			exactLon: 4.4853
		});
	const categoryId = db.select().from(categories).get()!.id;
	return { db, person, categoryId };
}

describe('the marketplace and personal data', () => {
	it('the download holds the posts, responses and messages a person wrote', () => {
		const { db, person, categoryId } = setUp();
		const maria = person('Maria');
		const jozef = person('Jozef');
		const made = createPost(
			db,
			maria.id,
			{
				kind: 'request',
				categoryId,
				title: 'Lamp vervangen',
				body: 'In de keuken.',
				whenType: 'flexible',
				helpersNeeded: 1,
				standing: false,
				place: { type: 'home' },
				submissionKey: 'a'
			},
			true,
			0
		);
		if (!made.ok) throw new Error('post');
		const r = respond(db, made.post, jozef.id, 'Ik kom dinsdag.', 1);
		if (!r.ok) throw new Error('respond');
		db.insert(messages)
			.values({ responseId: r.response.id, senderId: jozef.id, body: 'Tot dinsdag!', createdAt: 2 })
			.run();

		const mariaData = exportPersonalData(db, maria.id, 10);
		expect(mariaData.posts).toMatchObject([{ title: 'Lamp vervangen', place: { lat: 51.0336 } }]);
		const jozefData = exportPersonalData(db, jozef.id, 10);
		expect(jozefData.responses).toMatchObject([{ message: 'Ik kom dinsdag.' }]);
		expect(jozefData.messagesSent).toMatchObject([{ body: 'Tot dinsdag!' }]);
	});

	it('deleting an account closes the posts and removes their words and place, but keeps the rows for the figures', () => {
		const { db, person, categoryId } = setUp();
		const maria = person('Maria');
		const jozef = person('Jozef');
		const made = createPost(
			db,
			maria.id,
			{
				kind: 'request',
				categoryId,
				title: 'Boodschappen',
				body: 'Brood en melk.',
				whenType: 'flexible',
				helpersNeeded: 1,
				standing: false,
				place: { type: 'home' },
				submissionKey: 'b'
			},
			true,
			0
		);
		if (!made.ok) throw new Error('post');
		const r = respond(db, made.post, jozef.id, 'Ik doe het.', 1);
		if (!r.ok) throw new Error('respond');
		db.insert(messages)
			.values({
				responseId: r.response.id,
				senderId: jozef.id,
				body: 'Welke winkel?',
				createdAt: 2
			})
			.run();

		expect(deleteAccount(db, maria.id, 100)).toBe(true);
		const post = db.select().from(posts).get()!;
		expect([post.status, post.title, post.body, post.exactLat]).toEqual(['closed', '', '', 0]);
		expect(post.categoryId).toBe(categoryId);

		expect(deleteAccount(db, jozef.id, 101)).toBe(true);
		expect(db.select().from(responses).get()).toMatchObject({ message: '', status: 'withdrawn' });
		expect(db.select().from(messages).get()!.body).toBe('');
	});
});
