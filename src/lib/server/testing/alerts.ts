import { eq } from 'drizzle-orm';
import type { AlertRhythm } from '$lib/notify/channels';
import type { DB } from '../db/client';
import { alertSettings, categories, neighbourhoods, type User } from '../db/schema';
import { createPost, type PostInput } from '../posts/create';
import { CENTRE, makeNeighbourhood, makePostInput } from './posts';

/** About this many degrees of latitude make a kilometre. */
export const KM_LAT = 1 / 111.32;

/**
 * A neighbourhood with one helper (Hanna, at the centre) who asked for alerts, and a way to
 * publish requests by neighbours at a given distance north of her. Posts are published at once
 * (the neighbourhood checks nobody's posts), at the moment given.
 */
export function makeAlertNeighbourhood(
	db: DB,
	alerts: {
		rhythm?: AlertRhythm;
		distanceMeters?: number;
		categories?: number[];
		from?: number;
	} = {}
) {
	const ctx = makeNeighbourhood(db);
	db.update(neighbourhoods)
		.set({ moderation: 'nobody' })
		.where(eq(neighbourhoods.id, ctx.hood.id))
		.run();
	const helper = ctx.resident('Hanna Helper', { exactLat: CENTRE.lat, exactLon: CENTRE.lon });
	db.insert(alertSettings)
		.values({
			userId: helper.id,
			rhythm: alerts.rhythm ?? 'at_once',
			distanceMeters: alerts.distanceMeters ?? 1000,
			categories: JSON.stringify(alerts.categories ?? []),
			coveredUntil: alerts.from ?? 0,
			updatedAt: alerts.from ?? 0
		})
		.run();
	const categoryId = (slug: string) =>
		db.select().from(categories).where(eq(categories.slug, slug)).get()!.id;
	let n = 0;
	/** A neighbour living `km` north of the helper. */
	const neighbour = (name: string, km = 0.2, fields: Partial<User> = {}) =>
		ctx.resident(name, { exactLat: CENTRE.lat + km * KM_LAT, exactLon: CENTRE.lon, ...fields });
	/** A request published at `at` by `author` (a new neighbour 200 m away by default). */
	const request = (at: number, extra: Partial<PostInput> = {}, author = neighbour(`Buur ${n}`)) => {
		n++;
		const made = createPost(
			db,
			author.id,
			makePostInput(ctx.category.id, { title: `Hulpvraag ${n}`, submissionKey: `k${n}`, ...extra }),
			true,
			at
		);
		if (!made.ok || made.post.status !== 'open') throw new Error(`request not published`);
		return made.post;
	};
	return { ...ctx, helper, neighbour, request, categoryId };
}
