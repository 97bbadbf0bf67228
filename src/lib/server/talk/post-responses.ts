import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { matches, responses, users } from '../db/schema';
import { firstName } from '../profile/public';

/** The responses to a post, for its poster: who, what they wrote, and what came of it. */
export function responsesForPoster(db: DbOrTx, postId: number) {
	return db
		.select({
			id: responses.id,
			name: users.displayName,
			message: responses.message,
			status: responses.status,
			createdAt: responses.createdAt,
			matchStatus: matches.status
		})
		.from(responses)
		.innerJoin(users, eq(users.id, responses.responderId))
		.leftJoin(matches, eq(matches.responseId, responses.id))
		.where(eq(responses.postId, postId))
		.orderBy(asc(responses.createdAt), asc(responses.id))
		.all()
		.map((r) => ({ ...r, name: firstName(r.name) }));
}

/** This person's response to a post, if they made one. */
export function myResponse(db: DbOrTx, postId: number, userId: string) {
	return (
		db
			.select({ id: responses.id, status: responses.status })
			.from(responses)
			.where(and(eq(responses.postId, postId), eq(responses.responderId, userId)))
			.get() ?? null
	);
}
