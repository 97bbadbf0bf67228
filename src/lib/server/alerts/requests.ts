import { and, asc, eq, gt, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { PublishedStatus } from '$lib/posts/statuses';
import type { DbOrTx } from '../db/client';
import { categories, posts } from '../db/schema';
import { distanceMetres, withinMetresSql, type Point } from '../geo/distance';
import { helperRefusalSql } from '../matching/eligibility';

/**
 * Requests told in an alert: published (PUBLISHED_STATUSES) and still looking for help, so not
 * filled (as many matches as helpers needed) and not paused by the poster.
 */
export const TOLD_STATUSES = ['open'] as const satisfies readonly PublishedStatus[];

/** Whom an alert is for, with the choices that decide what they hear of. */
export interface AlertPerson {
	id: string;
	neighbourhoodId: number;
	/** The person's own exact point (their home): distances are counted from it. */
	home: Point;
	distanceMeters: number;
	/** The categories to tell of; empty: every category. */
	categoryIds: number[];
}

/** One request as an alert tells it. */
export interface NewRequest {
	id: number;
	title: string;
	/** The category's names per language (JSON, as stored). */
	categoryNames: string;
	/** From the person's home to the request's public, approximate point. */
	metres: number;
	publishedAt: number;
}

/** A post's public, approximate point: the same the list's "within" filter measures to. */
const POST_POINT = { lat: posts.approxLat, lon: posts.approxLon };

/**
 * The requests published after `since` up to and including `until` that this person may help
 * with and wants to hear of: published and still open, a request, within their distance, in
 * their categories, and one they may help with by the one rule of who may help
 * (`helperRefusalSql`: their neighbourhood, not their own, nobody blocked either way, not
 * suspended). Never one they placed for someone else. Oldest first.
 */
export function newRequestsFor(
	db: DbOrTx,
	person: AlertPerson,
	since: number,
	until: number
): NewRequest[] {
	const refusal = helperRefusalSql({
		neighbourhoodId: sql`${posts.neighbourhoodId}`,
		requesterId: sql`${posts.authorId}`
	});
	const rows = db
		.select({
			id: posts.id,
			title: posts.title,
			categoryNames: categories.names,
			lat: posts.approxLat,
			lon: posts.approxLon,
			publishedAt: posts.publishedAt
		})
		.from(posts)
		.innerJoin(categories, eq(categories.id, posts.categoryId))
		.where(
			and(
				// The index on (neighbourhood, status, published) finds the window's posts.
				eq(posts.neighbourhoodId, person.neighbourhoodId),
				inArray(posts.status, TOLD_STATUSES),
				gt(posts.publishedAt, since),
				lte(posts.publishedAt, until),
				eq(posts.kind, 'request'),
				withinMetresSql(POST_POINT, person.home, person.distanceMeters),
				person.categoryIds.length
					? sql`${posts.categoryId} in (select value from json_each(${JSON.stringify(person.categoryIds)}))`
					: undefined,
				or(isNull(posts.placedById), ne(posts.placedById, person.id)),
				sql`exists (select 1 from users u where u.id = ${person.id} and ${refusal} is null)`
			)
		)
		.orderBy(asc(posts.publishedAt), asc(posts.id))
		.all();
	return rows.map(({ lat, lon, ...r }) => ({
		...r,
		publishedAt: r.publishedAt!,
		metres: distanceMetres(person.home, { lat, lon })
	}));
}
