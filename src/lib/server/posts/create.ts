import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { categories, neighbourhoods, posts, users, type Post } from '../db/schema';
import type { DayPart } from '$lib/day-parts';
import type { PostKind, WhenType } from '$lib/posts/choices';
import { approximate } from '../geo/approx';
import { isInside, parseBoundary } from '../geo/boundary';
import { neighbourhoodSettings } from '../neighbourhoods/settings';
import { hasActiveBadge } from '../trust/badges';
import { days, localInstant } from '../calendar';

export interface PostInput {
	kind: PostKind;
	categoryId: number;
	title: string;
	body: string;
	whenType: WhenType;
	whenDate?: string | null;
	whenFrom?: string | null;
	whenTo?: string | null;
	recurringDay?: number | null;
	recurringPart?: DayPart | null;
	durationMinutes?: number | null;
	helpersNeeded: number;
	standing: boolean;
	place: { type: 'home' } | { type: 'other'; label: string; lat: number; lon: number };
	/** Random key the form carries, so that pressing "send" twice makes one post. */
	submissionKey: string;
}

export type PostError = { ok: false; field: string; error: string };
export type PostResult = { ok: true; post: Post } | PostError;

/**
 * Whether a resident's new post waits for a broker's check, by the neighbourhood's setting:
 * everyone, only people without a trust badge (the default), or nobody. Brokers and admins never wait.
 */
export function needsModeration(db: DbOrTx, authorId: string, now: number): boolean {
	const author = db
		.select({ role: users.role, neighbourhoodId: users.neighbourhoodId })
		.from(users)
		.where(eq(users.id, authorId))
		.get();
	if (!author) return true;
	if (author.role === 'broker' || author.role === 'admin') return false;
	switch (neighbourhoodSettings(db, author.neighbourhoodId).moderation) {
		case 'everyone':
			return true;
		case 'nobody':
			return false;
		case 'without_badge':
			return !hasActiveBadge(db, authorId, now);
	}
}

/**
 * Checks a post against the poster's neighbourhood and works out its place and timing.
 * Returns the columns to store, or the field that is wrong.
 */
function resolvePost(db: DbOrTx, authorId: string, input: PostInput) {
	const author = db.select().from(users).where(eq(users.id, authorId)).get();
	if (!author?.neighbourhoodId || author.exactLat === null || author.exactLon === null)
		return { ok: false as const, field: 'place', error: 'post_err_no_place' };
	const hood = db
		.select()
		.from(neighbourhoods)
		.where(eq(neighbourhoods.id, author.neighbourhoodId))
		.get()!;
	const category = db
		.select({ id: categories.id })
		.from(categories)
		.where(and(eq(categories.id, input.categoryId), eq(categories.active, true)))
		.get();
	if (!category) return { ok: false as const, field: 'categoryId', error: 'err_invalid' };

	let point = { lat: author.exactLat, lon: author.exactLon };
	if (input.place.type === 'other') {
		const boundary = parseBoundary(hood.boundary);
		if (!boundary || !isInside(boundary, input.place.lat, input.place.lon))
			return { ok: false as const, field: 'place', error: 'post_err_place_outside' };
		point = { lat: input.place.lat, lon: input.place.lon };
	}
	const approx = approximate(point.lat, point.lon);

	let startsAt: number | null = null;
	if ((input.whenType === 'date' || input.whenType === 'window') && input.whenDate)
		startsAt = localInstant(
			input.whenDate,
			input.whenType === 'window' ? (input.whenFrom ?? '00:00') : '00:00',
			hood.timeZone
		);

	return {
		ok: true as const,
		hood,
		values: {
			neighbourhoodId: hood.id,
			categoryId: category.id,
			kind: input.kind,
			title: input.title,
			body: input.body,
			whenType: input.whenType,
			whenDate:
				input.whenType === 'date' || input.whenType === 'window' ? (input.whenDate ?? null) : null,
			whenFrom: input.whenType === 'window' ? (input.whenFrom ?? null) : null,
			whenTo: input.whenType === 'window' ? (input.whenTo ?? null) : null,
			recurringDay: input.whenType === 'recurring' ? (input.recurringDay ?? null) : null,
			recurringPart: input.whenType === 'recurring' ? (input.recurringPart ?? null) : null,
			startsAt,
			durationMinutes: input.durationMinutes ?? null,
			helpersNeeded: input.kind === 'request' ? input.helpersNeeded : 1,
			standing: input.kind === 'offer' ? input.standing : false,
			placeType: input.place.type,
			placeLabel: input.place.type === 'other' ? input.place.label : null,
			exactLat: point.lat,
			exactLon: point.lon,
			approxCell: approx.cell,
			approxLat: approx.lat,
			approxLon: approx.lon
		}
	};
}

/** When an open post leaves the list by itself: requests after the neighbourhood's period. */
export function expiryFor(
	post: Pick<Post, 'kind' | 'standing'>,
	expiryDays: number,
	now: number
): number | null {
	if (post.kind === 'offer' && post.standing) return null;
	return now + days(expiryDays);
}

/** Someone who places a post for its author: a carer, or a broker on the phone. */
export interface PlacedFor {
	placedById: string;
	/** Open at once, without the broker's check (a broker checked it on the phone). */
	publishAtOnce: boolean;
}

/**
 * Saves a new post as a draft, or sends it at once (`send`): then it is open, or pending when
 * the poster needs a broker's check. A post placed for its author keeps who placed it, and
 * skips the check when `publishAtOnce`. All in one transaction, so a post is stored whole or
 * not at all. The same submission key returns the post made before.
 */
export function createPost(
	db: DbOrTx,
	authorId: string,
	input: PostInput,
	send: boolean,
	now: number,
	placed?: PlacedFor
): PostResult {
	const sameKey = and(eq(posts.authorId, authorId), eq(posts.submissionKey, input.submissionKey));
	return db.transaction((tx) => {
		const earlier = tx.select().from(posts).where(sameKey).get();
		if (earlier) return { ok: true, post: earlier };
		const resolved = resolvePost(tx, authorId, input);
		if (!resolved.ok) return resolved;
		const status = !send
			? 'draft'
			: placed?.publishAtOnce || !needsModeration(tx, authorId, now)
				? 'open'
				: 'pending';
		const post = tx
			.insert(posts)
			.values({
				...resolved.values,
				authorId,
				placedById: placed?.placedById ?? null,
				status,
				submissionKey: input.submissionKey,
				createdAt: now,
				updatedAt: now,
				publishedAt: status === 'open' ? now : null,
				expiresAt:
					status === 'open'
						? expiryFor(resolved.values, resolved.hood.requestExpiryDays, now)
						: null
			})
			.onConflictDoNothing()
			.returning()
			.all()[0];
		// A racing double submit inserted first: return that one.
		return { ok: true, post: post ?? tx.select().from(posts).where(sameKey).get()! };
	});
}

/**
 * Changes a post's content; an open post stays open, a draft stays a draft. A rejected post,
 * once changed, waits for the broker's check again (the earlier reason stays for the broker).
 */
export function updatePost(db: DbOrTx, post: Post, input: PostInput, now: number): PostResult {
	const resolved = resolvePost(db, post.authorId, input);
	if (!resolved.ok) return resolved;
	const updated = db
		.update(posts)
		.set({
			...resolved.values,
			...(post.status === 'rejected' ? { status: 'pending' as const } : {}),
			updatedAt: now
		})
		.where(eq(posts.id, post.id))
		.returning()
		.all()[0]!;
	return { ok: true, post: updated };
}
