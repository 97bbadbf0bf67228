import { neighbourhoodSchema, type NeighbourhoodForm } from '$lib/schemas/neighbourhood';
import type { DB } from '../db/client';
import { neighbourhoods } from '../db/schema';
import { insertTestUser } from '../db/test-db';
import { createNeighbourhood } from '../neighbourhoods/admin';

/** A square of about 1.4 by 2.2 km around (51.0, 4.0), for tests. */
export const SQUARE = {
	type: 'Polygon',
	coordinates: [
		[
			[3.99, 50.99],
			[4.01, 50.99],
			[4.01, 51.01],
			[3.99, 51.01],
			[3.99, 50.99]
		]
	]
};

/** Runs the form schema as the route does; throws when the input is not valid. */
export function makeNeighbourhoodForm(
	fields: Partial<Record<keyof NeighbourhoodForm, unknown>> = {}
): NeighbourhoodForm {
	return neighbourhoodSchema.parse({
		name: 'Testbuurt',
		boundary: JSON.stringify(SQUARE),
		...fields
	});
}

let bare = 0;

/** A neighbourhood row and nothing else (no streets, no boundary to speak of): pass what matters. */
export function makeBareNeighbourhood(
	db: DB,
	fields: Partial<typeof neighbourhoods.$inferInsert> = {}
) {
	return db
		.insert(neighbourhoods)
		.values({
			slug: `buurt-${++bare}`,
			name: 'Elders',
			boundary: '{}',
			centreLat: 51,
			centreLon: 4,
			createdAt: 0,
			...fields
		})
		.returning()
		.all()[0]!;
}

/** An admin and a neighbourhood with the square as its boundary. */
export function makeAdminNeighbourhood(db: DB, name = 'Testbuurt') {
	const admin = insertTestUser(db, { role: 'admin', displayName: 'Admin' });
	const result = createNeighbourhood(db, admin.id, makeNeighbourhoodForm({ name }), 1_000);
	if (!result.ok) throw new Error('test neighbourhood not created');
	return { admin, neighbourhoodId: result.id };
}
