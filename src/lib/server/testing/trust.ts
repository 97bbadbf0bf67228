import type { DB } from '../db/client';
import { matches, neighbourhoods, responses, type User } from '../db/schema';
import { eq } from 'drizzle-orm';
import { createPost } from '../posts/create';
import { makePostInput, makeNeighbourhood } from './posts';

/** A neighbourhood (Europe/Brussels) with a broker and a helper, for badge tests. */
export function makeTrustNeighbourhood(db: DB, hood: { timeZone?: string; years?: number } = {}) {
	const ctx = makeNeighbourhood(db);
	if (hood.timeZone || hood.years)
		db.update(neighbourhoods)
			.set({
				...(hood.timeZone ? { timeZone: hood.timeZone } : {}),
				...(hood.years ? { certificateValidityYears: hood.years } : {})
			})
			.where(eq(neighbourhoods.id, ctx.hood.id))
			.run();
	const broker = ctx.resident('An Verhoeven', { role: 'broker', email: 'an@test.example' });
	const helper = ctx.resident('Jozef Peeters', { email: 'jozef@test.example' });
	return { ...ctx, broker, helper };
}

let key = 0;

/**
 * A match between a requester and a helper on a fresh request, with the given status; rows are
 * written directly, as the marketplace would have left them.
 */
export function makeMatch(
	db: DB,
	categoryId: number,
	requester: User,
	helper: User,
	status: 'active' | 'done' | 'cancelled' = 'done'
) {
	const made = createPost(
		db,
		requester.id,
		makePostInput(categoryId, { submissionKey: `m${++key}` }),
		true,
		0
	);
	if (!made.ok) throw new Error(made.error);
	const response = db
		.insert(responses)
		.values({ postId: made.post.id, responderId: helper.id, message: 'Ik help', createdAt: 0 })
		.returning()
		.all()[0]!;
	return db
		.insert(matches)
		.values({
			postId: made.post.id,
			responseId: response.id,
			helperId: helper.id,
			requesterId: requester.id,
			status,
			agreedAt: 0
		})
		.returning()
		.all()[0]!;
}
