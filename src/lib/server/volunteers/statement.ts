import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
	categories,
	gatherings,
	gatheringSignups,
	matches,
	neighbourhoods,
	posts,
	trustBadges,
	users
} from '../db/schema';
import { categoryName } from '../categories/pilot';
import { DEFAULT_TIME_ZONE, localDate, localInstant } from '../calendar';
import { helperMinutes } from './hours';

/**
 * A volunteer's statement of their volunteering, for a CV (issue 20 §4, seed 002 §3.2.7): when
 * they helped, what kinds of help, their hours, the trainings and gatherings they attended.
 * It holds nothing of the people they helped: no name, address, post title or text, only the
 * category of each request and the dates. Dates are local dates ("YYYY-MM-DD") of the
 * volunteer's neighbourhood, for the page to say in the reader's language.
 */
export interface VolunteeringStatement {
	name: string;
	neighbourhood: string;
	/** The day it was made. */
	today: string;
	/** The first and last day they helped (a match agreed, a match ended); null if never. */
	firstHelped: string | null;
	lastHelped: string | null;
	/** Some help is still going on. */
	ongoing: boolean;
	/** Per calendar year: times helped (matches agreed that year) and minutes told. */
	years: { year: number; times: number; minutes: number }[];
	/** Kinds of help (the posts' categories, in the reader's language), most first. */
	kinds: { name: string; times: number }[];
	minutes: number;
	/** Trainings attended: their name and day. */
	trainings: { name: string; date: string }[];
	/** Training badges still held (not taken back), with their day and end. */
	badges: { label: string; date: string; until: string | null }[];
	gatheringsAttended: number;
}

/** Help given counts while it runs and once done; not when it was cancelled or never happened. */
const HELPED = ['active', 'done'] as const;

/** The statement of one person, or null when they have no account row. */
export function volunteeringStatement(
	d: DbOrTx,
	userId: string,
	locale: string,
	now: number
): VolunteeringStatement | null {
	const person = d
		.select({
			name: users.displayName,
			hood: neighbourhoods.name,
			timeZone: neighbourhoods.timeZone
		})
		.from(users)
		.leftJoin(neighbourhoods, eq(neighbourhoods.id, users.neighbourhoodId))
		.where(eq(users.id, userId))
		.get();
	if (!person) return null;
	const timeZone = person.timeZone ?? DEFAULT_TIME_ZONE;
	const day = (at: number) => localDate(at, timeZone);

	const helped = d
		.select({
			agreedAt: matches.agreedAt,
			endedAt: matches.endedAt,
			status: matches.status,
			names: categories.names
		})
		.from(matches)
		.innerJoin(posts, eq(posts.id, matches.postId))
		.innerJoin(categories, eq(categories.id, posts.categoryId))
		.where(and(eq(matches.helperId, userId), inArray(matches.status, [...HELPED])))
		.orderBy(asc(matches.agreedAt))
		.all();
	const last = Math.max(...helped.map((h) => h.endedAt ?? h.agreedAt));

	const kinds = new Map<string, number>();
	for (const h of helped) {
		const name = categoryName(h.names, locale);
		kinds.set(name, (kinds.get(name) ?? 0) + 1);
	}

	const minutes = helperMinutes(d, [userId]).get(userId) ?? 0;
	// Years from the first help (or told hours) to the last: a year with neither is left out.
	const firstAnswer = d.get<{ at: number | null }>(
		sql`SELECT min(answered_at) AS at FROM follow_ups WHERE user_id = ${userId} AND minutes IS NOT NULL`
	)?.at;
	const starts = [helped[0]?.agreedAt, firstAnswer].filter((x): x is number => x != null);
	const years: VolunteeringStatement['years'] = [];
	if (starts.length > 0) {
		const lastAnswer = d.get<{ at: number | null }>(
			sql`SELECT max(answered_at) AS at FROM follow_ups WHERE user_id = ${userId} AND minutes IS NOT NULL`
		)?.at;
		const from = Number(day(Math.min(...starts)).slice(0, 4));
		const to = Number(day(Math.max(last, lastAnswer ?? 0)).slice(0, 4));
		for (let year = from; year <= to; year++) {
			const start = localInstant(`${year}-01-01`, '00:00', timeZone);
			const end = localInstant(`${year + 1}-01-01`, '00:00', timeZone);
			const times = helped.filter((h) => h.agreedAt >= start && h.agreedAt < end).length;
			const told = helperMinutes(d, [userId], start, end).get(userId) ?? 0;
			if (times > 0 || told > 0) years.push({ year, times, minutes: told });
		}
	}

	const attended = d
		.select({ kind: gatherings.kind, name: gatherings.name, startsAt: gatherings.startsAt })
		.from(gatheringSignups)
		.innerJoin(gatherings, eq(gatherings.id, gatheringSignups.gatheringId))
		.where(
			and(
				eq(gatheringSignups.userId, userId),
				eq(gatheringSignups.attended, true),
				isNull(gatherings.cancelledAt)
			)
		)
		.orderBy(asc(gatherings.startsAt))
		.all();
	const badges = d
		.select({
			label: trustBadges.label,
			issuedAt: trustBadges.issuedAt,
			grantedAt: trustBadges.grantedAt,
			expiresAt: trustBadges.expiresAt
		})
		.from(trustBadges)
		.where(
			and(
				eq(trustBadges.userId, userId),
				eq(trustBadges.kind, 'training'),
				isNull(trustBadges.revokedAt)
			)
		)
		.orderBy(asc(trustBadges.grantedAt))
		.all();

	return {
		name: person.name,
		neighbourhood: person.hood ?? '',
		today: day(now),
		firstHelped: helped[0] ? day(helped[0].agreedAt) : null,
		lastHelped: helped.length > 0 ? day(last) : null,
		ongoing: helped.some((h) => h.status === 'active'),
		years,
		kinds: [...kinds]
			.map(([name, times]) => ({ name, times }))
			.sort((a, b) => b.times - a.times || a.name.localeCompare(b.name, locale)),
		minutes,
		trainings: attended
			.filter((g) => g.kind === 'training')
			.map((g) => ({ name: g.name, date: day(g.startsAt) })),
		badges: badges.map((b) => ({
			label: b.label ?? '',
			date: day(b.issuedAt ?? b.grantedAt),
			until: b.expiresAt === null ? null : day(b.expiresAt)
		})),
		gatheringsAttended: attended.length
	};
}
