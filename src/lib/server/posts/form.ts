import { and, asc, eq } from 'drizzle-orm';
import type { PostForm } from '$lib/schemas/post';
import type { DbOrTx } from '../db/client';
import { neighbourhoods, posts, streets, users, type Post } from '../db/schema';
import type { PostStatus } from '$lib/posts/statuses';
import type { PostInput } from './create';

export interface PosterPlace {
	neighbourhoodId: number;
	timeZone: string;
	streets: { id: number; name: string }[];
}

/** Where the poster lives (neighbourhood, zone, its streets), or null without a place. */
export function posterPlace(db: DbOrTx, userId: string): PosterPlace | null {
	const row = db
		.select({
			neighbourhoodId: users.neighbourhoodId,
			lat: users.exactLat,
			timeZone: neighbourhoods.timeZone
		})
		.from(users)
		.innerJoin(neighbourhoods, eq(users.neighbourhoodId, neighbourhoods.id))
		.where(eq(users.id, userId))
		.get();
	if (!row?.neighbourhoodId || row.lat === null) return null;
	return {
		neighbourhoodId: row.neighbourhoodId,
		timeZone: row.timeZone,
		streets: streetsOf(db, row.neighbourhoodId)
	};
}

/** The place a person will have once they live in this street, or null for an unknown street. */
export function placeOfStreet(db: DbOrTx, streetId: number): PosterPlace | null {
	const street = db
		.select({ neighbourhoodId: streets.neighbourhoodId, timeZone: neighbourhoods.timeZone })
		.from(streets)
		.innerJoin(neighbourhoods, eq(streets.neighbourhoodId, neighbourhoods.id))
		.where(eq(streets.id, streetId))
		.get();
	if (!street) return null;
	return {
		neighbourhoodId: street.neighbourhoodId,
		timeZone: street.timeZone,
		streets: streetsOf(db, street.neighbourhoodId)
	};
}

export type InputResult =
	{ ok: true; input: PostInput } | { ok: false; field: keyof PostForm; error: string };

/** Turns valid form values into the domain's input; another place takes its street's point. */
export function toPostInput(db: DbOrTx, place: PosterPlace, v: PostForm): InputResult {
	let where: PostInput['place'] = { type: 'home' };
	if (v.placeType === 'other') {
		const street = db
			.select()
			.from(streets)
			.where(
				and(
					eq(streets.id, v.placeStreetId ?? 0),
					eq(streets.neighbourhoodId, place.neighbourhoodId)
				)
			)
			.get();
		if (!street) return { ok: false, field: 'placeStreetId', error: 'post_err_place_street' };
		where = { type: 'other', label: v.placeLabel, lat: street.lat, lon: street.lon };
	}
	return {
		ok: true,
		input: {
			kind: v.kind!,
			categoryId: v.categoryId ?? 0,
			title: v.title,
			body: v.body,
			whenType: v.whenType,
			whenDate: v.whenDate || null,
			whenFrom: v.whenFrom || null,
			whenTo: v.whenTo || null,
			recurringDay: v.recurringDay,
			recurringPart: v.recurringPart || null,
			durationMinutes: v.durationMinutes,
			helpersNeeded: v.helpersNeeded,
			standing: v.standing,
			place: where,
			submissionKey: v.submissionKey
		}
	};
}

/** The form values of a stored post, for editing it. */
export function formValuesOf(db: DbOrTx, post: Post): PostForm {
	const street =
		post.placeType === 'other'
			? db
					.select({ id: streets.id })
					.from(streets)
					.where(
						and(
							eq(streets.neighbourhoodId, post.neighbourhoodId),
							eq(streets.lat, post.exactLat),
							eq(streets.lon, post.exactLon)
						)
					)
					.get()
			: undefined;
	return {
		kind: post.kind,
		categoryId: post.categoryId,
		title: post.title,
		body: post.body,
		whenType: post.whenType,
		whenDate: post.whenDate ?? '',
		whenFrom: post.whenFrom ?? '',
		whenTo: post.whenTo ?? '',
		recurringDay: post.recurringDay,
		recurringPart: post.recurringPart ?? '',
		durationMinutes: post.durationMinutes,
		helpersNeeded: post.helpersNeeded,
		standing: post.standing,
		placeType: post.placeType,
		placeLabel: post.placeLabel ?? '',
		placeStreetId: street?.id ?? null,
		submissionKey: post.submissionKey ?? `edit-${post.id}-0000000000`,
		streetId: null,
		houseNumber: ''
	};
}

/**
 * Statuses in which the poster may still change the words, time and place. A rejected post is
 * changed to be sent again for a check.
 */
export const EDITABLE: PostStatus[] = ['draft', 'pending', 'rejected', 'open', 'filled', 'paused'];

/** The post if this person wrote it; null otherwise (the route answers 404). */
export function ownPost(db: DbOrTx, postId: number, userId: string): Post | null {
	return (
		db
			.select()
			.from(posts)
			.where(and(eq(posts.id, postId), eq(posts.authorId, userId)))
			.get() ?? null
	);
}

/** The post if this person wrote it and may still change it. */
export function editablePost(db: DbOrTx, postId: number, userId: string): Post | null {
	const post = ownPost(db, postId, userId);
	return post && EDITABLE.includes(post.status) ? post : null;
}

/** A neighbourhood's streets by name, to choose from in the form. */
function streetsOf(db: DbOrTx, neighbourhoodId: number): { id: number; name: string }[] {
	return db
		.select({ id: streets.id, name: streets.name })
		.from(streets)
		.where(eq(streets.neighbourhoodId, neighbourhoodId))
		.orderBy(asc(streets.name))
		.all();
}
