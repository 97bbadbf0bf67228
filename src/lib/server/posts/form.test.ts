import { beforeEach, describe, expect, it } from 'vitest';
import type { PostForm } from '$lib/schemas/post';
import type { DB } from '../db/client';
import { createTestDb, insertTestUser } from '../db/test-db';
import { createPost, updatePost } from './create';
import { editablePost, formValuesOf, ownPost, posterPlace, toPostInput } from './form';
import { closePost, reopenPost } from './lifecycle';
import { makePostInput, makeNeighbourhood } from '../testing/posts';

describe('the poster and their post', () => {
	let db: DB;
	let ctx: ReturnType<typeof makeNeighbourhood>;
	beforeEach(() => {
		db = createTestDb();
		ctx = makeNeighbourhood(db);
	});

	it('only the author may edit a post, and only while it is still going', () => {
		const author = ctx.resident('Maria');
		const other = ctx.resident('Jozef');
		const created = createPost(db, author.id, makePostInput(ctx.category.id), true, 0);
		if (!created.ok) throw new Error(created.error);
		expect(editablePost(db, created.post.id, author.id)?.id).toBe(created.post.id);
		expect(editablePost(db, created.post.id, other.id)).toBeNull();
		expect(ownPost(db, created.post.id, other.id)).toBeNull();
		closePost(db, created.post, 1);
		expect(editablePost(db, created.post.id, author.id)).toBeNull();
		expect(ownPost(db, created.post.id, author.id)?.status).toBe('closed');
	});

	it('a post closed before a broker checked it goes back to the check when reopened', () => {
		const newcomer = ctx.resident('Rosa');
		const created = createPost(db, newcomer.id, makePostInput(ctx.category.id), true, 0);
		if (!created.ok) throw new Error(created.error);
		expect(created.post.status).toBe('pending');
		const closed = closePost(db, created.post, 1)!;
		const reopened = reopenPost(db, closed, 2)!;
		expect(reopened.status).toBe('pending');
		expect(reopened.publishedAt).toBeNull();
	});

	it('another place takes the point of a street in the poster’s own neighbourhood, and back', () => {
		const author = ctx.resident('Annie');
		const place = posterPlace(db, author.id)!;
		expect(place.streets.map((s) => s.name)).toEqual(['Markt']);
		const created = createPost(db, author.id, makePostInput(ctx.category.id), false, 0);
		if (!created.ok) throw new Error(created.error);
		const values: PostForm = {
			...formValuesOf(db, created.post),
			placeType: 'other',
			placeLabel: 'De apotheek',
			placeStreetId: ctx.street.id
		};
		const result = toPostInput(db, place, values);
		if (!result.ok) throw new Error(result.error);
		expect(result.input.place).toEqual({
			type: 'other',
			label: 'De apotheek',
			lat: ctx.street.lat,
			lon: ctx.street.lon
		});
		const updated = updatePost(db, created.post, result.input, 1);
		if (!updated.ok) throw new Error(updated.error);
		expect(formValuesOf(db, updated.post)).toMatchObject({
			placeType: 'other',
			placeLabel: 'De apotheek',
			placeStreetId: ctx.street.id
		});
		expect(toPostInput(db, place, { ...values, placeStreetId: ctx.street.id + 99 })).toEqual({
			ok: false,
			field: 'placeStreetId',
			error: 'post_err_place_street'
		});
		expect(posterPlace(db, insertTestUser(db).id)).toBeNull();
	});
});
