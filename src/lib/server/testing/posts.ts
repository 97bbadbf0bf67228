import { eq } from 'drizzle-orm';
import { ensureCategories } from '../categories/pilot';
import type { DB } from '../db/client';
import { categories, neighbourhoods, streets, type User } from '../db/schema';
import { insertTestUser } from '../db/test-db';
import type { PostInput } from '../posts/create';

/** Test neighbourhood: a square around this centre, about 2.2 km wide. */
export const CENTRE = { lat: 51.0336, lon: 4.4853 };
const square = (d: number) => [
	[CENTRE.lon - d, CENTRE.lat - d],
	[CENTRE.lon + d, CENTRE.lat - d],
	[CENTRE.lon + d, CENTRE.lat + d],
	[CENTRE.lon - d, CENTRE.lat + d],
	[CENTRE.lon - d, CENTRE.lat - d]
];

/** A neighbourhood with the pilot categories, a street, and a way to add residents. */
export function makeNeighbourhood(db: DB) {
	ensureCategories(db);
	const hood = db
		.insert(neighbourhoods)
		.values({
			slug: 'test',
			name: 'Testwijk',
			boundary: JSON.stringify({ type: 'Polygon', coordinates: [square(0.01)] }),
			centreLat: CENTRE.lat,
			centreLon: CENTRE.lon,
			requestExpiryDays: 30,
			createdAt: 0
		})
		.returning()
		.all()[0]!;
	const resident = (name: string, fields: Partial<User> = {}) =>
		insertTestUser(db, {
			displayName: name,
			neighbourhoodId: hood.id,
			exactLat: CENTRE.lat + 0.001,
			exactLon: CENTRE.lon + 0.001,
			...fields
		});
	const category = db.select().from(categories).where(eq(categories.slug, 'small-jobs')).get()!;
	const street = db
		.insert(streets)
		.values({ neighbourhoodId: hood.id, name: 'Markt', lat: CENTRE.lat + 0.004, lon: CENTRE.lon })
		.returning()
		.all()[0]!;
	return { hood, resident, category, street };
}

/** A valid post input; pass only what the test cares about. */
export const makePostInput = (categoryId: number, extra: Partial<PostInput> = {}): PostInput => ({
	kind: 'request',
	categoryId,
	title: 'Lamp vervangen in de keuken',
	body: 'De lamp boven het aanrecht is stuk. Ik heb een nieuwe, maar kan niet op een ladder.',
	whenType: 'flexible',
	helpersNeeded: 1,
	standing: false,
	place: { type: 'home' },
	submissionKey: 'k1',
	...extra
});
