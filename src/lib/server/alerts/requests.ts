import { and, asc, eq, gt, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { PublishedStatus } from '$lib/posts/statuses';
import { preparedOnce, type DbOrTx } from '../db/client';
import { categories, posts } from '../db/schema';
import { distanceMetres, type Point } from '../geo/distance';
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
	const rows = windowRequests(db).all({
		neighbourhoodId: person.neighbourhoodId,
		personId: person.id,
		since,
		until,
		categories: JSON.stringify(person.categoryIds)
	});
	// Measured to the post's public, approximate point, as the list's "within" filter does.
	return rows
		.map(({ lat, lon, ...r }) => ({
			...r,
			publishedAt: r.publishedAt!,
			metres: distanceMetres(person.home, { lat, lon })
		}))
		.filter((r) => r.metres <= person.distanceMeters);
}

// Prepared once: the daily run asks it for thousands of people, and building the SQL anew each
// time took ten times as long as running it.
const windowRequests = preparedOnce((db) => {
	const personId = sql.placeholder('personId');
	const chosen = sql.placeholder('categories');
	const refusal = helperRefusalSql({
		neighbourhoodId: sql`${posts.neighbourhoodId}`,
		requesterId: sql`${posts.authorId}`
	});
	return db
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
				// The index on (neighbourhood, status, published) finds the window's few posts; the
				// distance is measured on those in code (an SQL bounding box would lead SQLite to
				// the map's index, which reads every open post in a band across the town).
				eq(posts.neighbourhoodId, sql.placeholder('neighbourhoodId')),
				inArray(posts.status, TOLD_STATUSES),
				gt(posts.publishedAt, sql.placeholder('since')),
				lte(posts.publishedAt, sql.placeholder('until')),
				eq(posts.kind, 'request'),
				sql`(${chosen} = '[]' or ${posts.categoryId} in (select value from json_each(${chosen})))`,
				or(isNull(posts.placedById), ne(posts.placedById, personId)),
				sql`exists (select 1 from users u where u.id = ${personId} and ${refusal} is null)`
			)
		)
		.orderBy(asc(posts.publishedAt), asc(posts.id))
		.prepare();
});
