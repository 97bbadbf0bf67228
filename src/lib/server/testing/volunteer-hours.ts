import { eq } from 'drizzle-orm';
import type { DB } from '../db/client';
import { followUps, outbox, type User } from '../db/schema';
import { createPost } from '../posts/create';
import { acceptResponse, respond } from '../posts/responses';
import { makeNeighbourhood, makePostInput } from './posts';

/**
 * A neighbourhood where broker Rosa posts requests and helpers take them (issue 20's hours and
 * thanks): `helped` makes a match agreed at a time, `answered` a follow-up answer with minutes.
 */
export function makeHelpWorld(db: DB) {
	const ctx = makeNeighbourhood(db);
	// Brokers skip moderation, so Rosa's requests are open at once.
	const rosa = ctx.resident('Rosa Peeters', { role: 'broker', email: 'rosa@test.example' });
	let n = 0;
	const helped = (helper: User, agreedAt: number, durationMinutes: number | null = null) => {
		n++;
		const made = createPost(
			db,
			rosa.id,
			makePostInput(ctx.category.id, { submissionKey: `k${n}`, durationMinutes }),
			true,
			agreedAt - 1000
		);
		if (!made.ok) throw new Error('post');
		const r = respond(db, made.post, helper.id, 'Ik kan helpen', agreedAt - 500);
		if (!r.ok) throw new Error('respond');
		const accepted = acceptResponse(db, r.response.id, rosa.id, agreedAt);
		if (!accepted.ok) throw new Error('accept');
		return { post: made.post, match: accepted.match };
	};
	const answered = (
		matchId: number,
		userId: string,
		answeredAt: number,
		minutes: number | null,
		round = 1
	) =>
		// The match already planned round 1 for both sides: answer it, or add a later round.
		db
			.insert(followUps)
			.values({
				matchId,
				userId,
				round,
				dueAt: answeredAt,
				answeredAt,
				outcome: 'went_well',
				minutes
			})
			.onConflictDoUpdate({
				target: [followUps.matchId, followUps.userId, followUps.round],
				set: { answeredAt, outcome: 'went_well', minutes }
			})
			.run();
	return { ...ctx, rosa, helped, answered };
}

/** The messages queued for one person, oldest first. */
export const messagesFor = (db: DB, userId: string) =>
	db.select().from(outbox).where(eq(outbox.userId, userId)).orderBy(outbox.id).all();
