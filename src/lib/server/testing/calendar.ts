import { eq } from 'drizzle-orm';
import { ensureCategories } from '../categories/pilot';
import type { DB } from '../db/client';
import { createTestDb } from '../db/test-db';
import { categories, neighbourhoods, streets, type User } from '../db/schema';
import { createPost, type PostInput } from '../posts/create';
import { acceptResponse, respond } from '../posts/responses';
import { reserveTool } from '../lending/reservations';
import { makeLendingNeighbourhood, ORIGIN } from './lending';
import { makePostInput } from './posts';

let key = 0;

/**
 * A neighbourhood (Europe/Brussels) with tools to lend and help to ask, where posts need no
 * check; residents live on the Markt. `agreeHelp` makes a request and its match through the
 * marketplace's own functions; `reserve` books the drill.
 */
export function makeCalendarNeighbourhood(db: DB = createTestDb()) {
	const lending = makeLendingNeighbourhood(db);
	ensureCategories(db);
	db.update(neighbourhoods)
		.set({ moderation: 'nobody' })
		.where(eq(neighbourhoods.id, lending.hoodId))
		.run();
	const category = db.select().from(categories).where(eq(categories.slug, 'small-jobs')).get()!;
	const street = db
		.insert(streets)
		.values({ neighbourhoodId: lending.hoodId, name: 'Markt', lat: 51, lon: 3.7 })
		.returning()
		.all()[0]!;
	const resident = (displayName: string, fields: Partial<User> = {}) =>
		lending.borrower({
			displayName,
			exactLat: 51,
			exactLon: 3.7,
			streetId: street.id,
			houseNumber: '3',
			...fields
		});

	/** A request by `requester` with this "when", answered by `helper` and accepted. */
	function agreeHelp(requester: User, helper: User, when: Partial<PostInput>, now: number) {
		const made = createPost(
			db,
			requester.id,
			makePostInput(category.id, { submissionKey: `cal${++key}`, ...when }),
			true,
			now
		);
		if (!made.ok) throw new Error(made.error);
		const answered = respond(db, made.post, helper.id, 'Ik kan helpen', now);
		if (!answered.ok) throw new Error(answered.error);
		const accepted = acceptResponse(db, answered.response.id, requester.id, now);
		if (!accepted.ok) throw new Error(accepted.error);
		return { post: made.post, match: accepted.match };
	}

	const reserve = (borrower: User, startDate: string, endDate: string, now: number) =>
		reserveTool(
			db,
			{ toolId: lending.drill, borrowerId: borrower.id, startDate, endDate },
			now,
			ORIGIN
		);

	return { ...lending, category, street, resident, agreeHelp, reserve };
}
