import { and, asc, desc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import { days } from '../calendar';
import { recordAudit } from '../audit/audit';
import type { DB, DbOrTx } from '../db/client';
import { helpAsks, matches, posts, users } from '../db/schema';

/** A question may be about a match still running or ended in this many days. */
export const ASK_MATCH_DAYS = 90;

/**
 * The matches a helper may say their question is about: theirs as helper, running or ended
 * lately, newest first (a short list to choose from, not their whole history).
 */
export function helperMatchesForAsk(
	d: DbOrTx,
	helperId: string,
	now: number
): { id: number; title: string; status: string }[] {
	return d
		.select({ id: matches.id, title: posts.title, status: matches.status })
		.from(matches)
		.innerJoin(posts, eq(posts.id, matches.postId))
		.where(
			and(
				eq(matches.helperId, helperId),
				or(
					eq(matches.status, 'active'),
					gte(sql`coalesce(${matches.endedAt}, ${matches.agreedAt})`, now - days(ASK_MATCH_DAYS))
				)
			)
		)
		.orderBy(desc(matches.agreedAt), desc(matches.id))
		.limit(10)
		.all();
}

export type AskResult =
	{ ok: true; id: number } | { ok: false; error: 'no_neighbourhood' | 'match' };

/**
 * A helper asks the neighbourhood worker for help, in their own words, optionally about one of
 * their matches. It waits on the brokers' Today until one picks it up.
 */
export function askBroker(
	db: DB,
	helper: { id: string; neighbourhoodId: number | null },
	input: { body: string; matchId: number | null },
	now: number
): AskResult {
	const hood = helper.neighbourhoodId;
	if (hood === null) return { ok: false, error: 'no_neighbourhood' };
	return db.transaction((tx) => {
		if (input.matchId !== null) {
			const mine = helperMatchesForAsk(tx, helper.id, now).some((m) => m.id === input.matchId);
			if (!mine) return { ok: false as const, error: 'match' as const };
		}
		const row = tx
			.insert(helpAsks)
			.values({
				neighbourhoodId: hood,
				helperId: helper.id,
				matchId: input.matchId,
				body: input.body,
				createdAt: now
			})
			.returning({ id: helpAsks.id })
			.all()[0]!;
		return { ok: true as const, id: row.id };
	});
}

/** Helpers' questions not yet picked up in these neighbourhoods, oldest first. */
export function openHelpAsks(d: DbOrTx, neighbourhoodIds: number[]) {
	if (neighbourhoodIds.length === 0) return [];
	return d
		.select({
			id: helpAsks.id,
			body: helpAsks.body,
			createdAt: helpAsks.createdAt,
			helperId: helpAsks.helperId,
			helperName: users.displayName,
			matchId: helpAsks.matchId,
			postId: matches.postId,
			title: posts.title
		})
		.from(helpAsks)
		.innerJoin(users, eq(users.id, helpAsks.helperId))
		.leftJoin(matches, eq(matches.id, helpAsks.matchId))
		.leftJoin(posts, eq(posts.id, matches.postId))
		.where(and(inArray(helpAsks.neighbourhoodId, neighbourhoodIds), isNull(helpAsks.handledAt)))
		.orderBy(asc(helpAsks.createdAt), asc(helpAsks.id))
		.all();
}

/**
 * A broker of the question's neighbourhood picks it up (logged). `already`: another broker (or a
 * second click) was first; `not_found`: no such question in these neighbourhoods.
 */
export function pickUpHelpAsk(
	db: DB,
	askId: number,
	brokerId: string,
	neighbourhoodIds: number[],
	now: number
): 'picked_up' | 'already' | 'not_found' {
	if (neighbourhoodIds.length === 0) return 'not_found';
	return db.transaction((tx) => {
		const ask = tx
			.select()
			.from(helpAsks)
			.where(and(eq(helpAsks.id, askId), inArray(helpAsks.neighbourhoodId, neighbourhoodIds)))
			.get();
		if (!ask) return 'not_found' as const;
		if (ask.handledAt !== null) return 'already' as const;
		tx.update(helpAsks)
			.set({ handledAt: now, handledById: brokerId })
			.where(eq(helpAsks.id, askId))
			.run();
		recordAudit(
			tx,
			{
				actorId: brokerId,
				action: 'volunteer.help_ask_picked_up',
				subjectType: 'user',
				subjectId: ask.helperId,
				neighbourhoodId: ask.neighbourhoodId,
				detail: { helpAsk: askId }
			},
			now
		);
		return 'picked_up' as const;
	});
}
