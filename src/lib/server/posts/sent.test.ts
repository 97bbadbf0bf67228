import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { neighbourhoods } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { createPost } from './create';
import { sentPost } from './sent';
import { makePostInput, makeNeighbourhood } from '../testing/posts';

describe('the page after sending a post', () => {
	it("tells the poster their neighbourhood's phone, hours and days before the broker looks", () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		db.update(neighbourhoods)
			.set({
				phoneDutyNumber: '015 12 34 56',
				phoneDutyHours: JSON.stringify([{ day: 2, from: '09:00', to: '12:00' }]),
				noResponseDays: 4
			})
			.where(eq(neighbourhoods.id, ctx.hood.id))
			.run();
		const poster = ctx.resident('Rosa');
		const created = createPost(db, poster.id, makePostInput(ctx.category.id), true, 0);
		if (!created.ok) throw new Error(created.error);
		expect(sentPost(db, created.post.id, poster.id)).toEqual({
			id: created.post.id,
			kind: 'request',
			title: 'Lamp vervangen in de keuken',
			status: 'pending',
			neighbourhood: {
				name: 'Testwijk',
				phoneDutyNumber: '015 12 34 56',
				phoneDutyHours: [{ day: 2, from: '09:00', to: '12:00' }],
				noResponseDays: 4
			}
		});
	});

	it('is for the poster only', () => {
		const db = createTestDb();
		const ctx = makeNeighbourhood(db);
		const poster = ctx.resident('Rosa');
		const created = createPost(db, poster.id, makePostInput(ctx.category.id), true, 0);
		if (!created.ok) throw new Error(created.error);
		expect(sentPost(db, created.post.id, ctx.resident('Buur').id)).toBeNull();
		expect(sentPost(db, created.post.id + 1, poster.id)).toBeNull();
	});
});
