import { and, count, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import {
	HELP_TIERS,
	MIN_FOLLOW_UP_ANSWERS,
	type EarnedBadges,
	type HelpTier
} from '$lib/trust/badges';
import type { DbOrTx } from '../db/client';
import { followUps, matches, users } from '../db/schema';

/** The highest tier a number of completed helps reaches, or null before the first. */
export function helpsTier(done: number): HelpTier | null {
	return HELP_TIERS.find((t) => done >= t) ?? null;
}

/**
 * Earned badges of several people at once (one query per fact, whatever the number of people):
 * completed helps (matches marked done where they were the helper), the share of positive
 * follow-ups, member since and e-mail verified. Recomputed from the data on every call.
 *
 * The follow-ups that count are those answered by the other side of a match where this person
 * helped: the person helped says how it went, not the helper about themselves. "Please call me"
 * is a request for contact, not a judgement, so it is left out; "went well" is positive.
 */
export function earnedBadgesOf(db: DbOrTx, userIds: string[]): Map<string, EarnedBadges> {
	const ids = [...new Set(userIds)];
	const result = new Map<string, EarnedBadges>();
	if (ids.length === 0) return result;
	const people = db
		.select({ id: users.id, createdAt: users.createdAt, verified: users.emailVerifiedAt })
		.from(users)
		.where(inArray(users.id, ids))
		.all();
	const done = new Map(
		db
			.select({ id: matches.helperId, n: count() })
			.from(matches)
			.where(and(inArray(matches.helperId, ids), eq(matches.status, 'done')))
			.groupBy(matches.helperId)
			.all()
			.map((r) => [r.id, r.n])
	);
	const answers = new Map(
		db
			.select({
				id: matches.helperId,
				n: count(),
				good: sql<number>`sum(case when ${followUps.outcome} = 'went_well' then 1 else 0 end)`
			})
			.from(followUps)
			.innerJoin(matches, eq(matches.id, followUps.matchId))
			.where(
				and(
					inArray(matches.helperId, ids),
					eq(followUps.userId, matches.requesterId),
					isNotNull(followUps.answeredAt),
					isNotNull(followUps.outcome),
					ne(followUps.outcome, 'call_me')
				)
			)
			.groupBy(matches.helperId)
			.all()
			.map((r) => [r.id, r])
	);
	for (const p of people) {
		const a = answers.get(p.id);
		result.set(p.id, {
			helpsTier: helpsTier(done.get(p.id) ?? 0),
			positive:
				a && a.n >= MIN_FOLLOW_UP_ANSWERS
					? { percent: Math.round((100 * Number(a.good)) / a.n), answers: a.n }
					: null,
			memberSince: p.createdAt,
			emailVerified: p.verified !== null
		});
	}
	return result;
}

/** One person's earned badges; null when there is no such person. */
export function earnedBadges(db: DbOrTx, userId: string): EarnedBadges | null {
	return earnedBadgesOf(db, [userId]).get(userId) ?? null;
}
