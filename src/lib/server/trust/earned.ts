import { sql } from 'drizzle-orm';
import {
	HELP_TIERS,
	MIN_FOLLOW_UP_ANSWERS,
	type EarnedBadges,
	type HelpTier
} from '$lib/trust/badges';
import type { DbOrTx } from '../db/client';

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
	const result = new Map<string, EarnedBadges>();
	if (userIds.length === 0) return result;
	// One statement whatever the number of people: the ids travel as one JSON parameter, so the
	// SQL text stays the same and its prepared statement is reused (a list page asks this for
	// twenty posters on every view). Plain column names: building the SQL stays cheap.
	const rows = db.all<{
		id: string;
		createdAt: number;
		verifiedAt: number | null;
		done: number;
		answers: number | null;
		good: number | null;
	}>(sql`
		with people(id) as (select distinct value from json_each(${JSON.stringify(userIds)}))
		select u.id, u.created_at as createdAt, u.email_verified_at as verifiedAt,
			(select count(*) from matches m where m.helper_id = u.id and m.status = 'done') as done,
			a.answers, a.good
		from people
		join users u on u.id = people.id
		left join (
			select m.helper_id as id, count(*) as answers,
				sum(case when f.outcome = 'went_well' then 1 else 0 end) as good
			-- cross join: SQLite then starts from the few people, not from every match
			from people
			cross join matches m on m.helper_id = people.id
			join follow_ups f on f.match_id = m.id
			where f.user_id = m.requester_id
				and f.answered_at is not null
				and f.outcome is not null and f.outcome <> 'call_me'
			group by m.helper_id
		) a on a.id = u.id
	`);
	for (const p of rows) {
		const answers = p.answers ?? 0;
		result.set(p.id, {
			helpsTier: helpsTier(p.done),
			positive:
				answers >= MIN_FOLLOW_UP_ANSWERS
					? { percent: Math.round((100 * (p.good ?? 0)) / answers), answers }
					: null,
			memberSince: p.createdAt,
			emailVerified: p.verifiedAt !== null
		});
	}
	return result;
}

/** One person's earned badges; null when there is no such person. */
export function earnedBadges(db: DbOrTx, userId: string): EarnedBadges | null {
	return earnedBadgesOf(db, [userId]).get(userId) ?? null;
}
