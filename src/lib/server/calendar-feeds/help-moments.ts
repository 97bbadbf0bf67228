import { and, eq, inArray, ne, notInArray, or } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import type { DayPart } from '$lib/day-parts';
import { isolate } from '$lib/i18n';
import { localDate, localInstant, shiftDate, weekdayOf } from '../calendar';
import { matches, neighbourhoods, posts, users, type Match, type Post } from '../db/schema';
import type { DbOrTx } from '../db/client';
import { isBlockedPair } from '../posts/responses';
import { firstName } from '../profile/public';
import { contactsShared } from '../talk/conversations';
import { feedUid, type FeedEvent, type FeedReader, type FeedSource, type FeedTime } from './events';

const MINUTE = 60_000;
/** A window without an end time lasts this long in the calendar (unless the post says how long). */
const DEFAULT_MINUTES = 60;

const PARTS: Record<DayPart, (locale: Locale) => string> = {
	morning: (locale) => m.post_part_morning({}, { locale }),
	afternoon: (locale) => m.post_part_afternoon({}, { locale }),
	evening: (locale) => m.post_part_evening({}, { locale })
};

/**
 * The person's agreed help moments: matches going on or done, as helper or as the one helped,
 * whose post names a day (a date, a window on a date, or a weekday every week). A match that was
 * cancelled, withdrawn or did not happen leaves the feed, so a calendar that reads it again drops
 * it; "whenever suits" has no day to show.
 */
export const helpMoments: FeedSource<{ userId: string }> = (db, { userId }, reader) => {
	const rows = db
		.select({ match: matches, post: posts, timeZone: neighbourhoods.timeZone })
		.from(matches)
		.innerJoin(posts, eq(posts.id, matches.postId))
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, posts.neighbourhoodId))
		.where(
			and(
				or(eq(matches.helperId, userId), eq(matches.requesterId, userId)),
				inArray(matches.status, ['active', 'done']),
				ne(posts.whenType, 'flexible'),
				// A post a broker took down is nobody's appointment any more.
				notInArray(posts.status, ['hidden', 'rejected'])
			)
		)
		.all();
	const events: FeedEvent[] = [];
	for (const { match, post, timeZone } of rows) {
		const when = timeOf(match, post, timeZone, reader.since);
		if (!when) continue;
		const helping = match.helperId === userId;
		const otherId = helping ? match.requesterId : match.helperId;
		const other = db
			.select({ name: users.displayName })
			.from(users)
			.where(eq(users.id, otherId))
			.get();
		const name = firstName(other?.name ?? '') || m.calendar_someone({}, { locale: reader.locale });
		const params = {
			name: isolate(name, reader.locale),
			title: isolate(post.title, reader.locale)
		};
		let summary: string = helping
			? m.calendar_help_giving(params, { locale: reader.locale })
			: m.calendar_help_getting(params, { locale: reader.locale });
		if (post.whenType === 'recurring' && post.recurringPart)
			summary = `${summary} (${PARTS[post.recurringPart](reader.locale)})`;
		events.push({
			uid: feedUid(`help-${match.id}`, reader.origin),
			summary,
			url: `${reader.origin}/conversations/${match.responseId}`,
			location: placeOf(db, match, post, userId, reader),
			when
		});
	}
	return events;
};

/** When the help happens, or null when it lies before the feed's first day. */
function timeOf(match: Match, post: Post, timeZone: string, since: number): FeedTime | null {
	const firstDay = localDate(since, timeZone);
	if (post.whenType === 'date' && post.whenDate)
		return post.whenDate >= firstDay ? { day: post.whenDate } : null;
	if (post.whenType === 'window' && post.whenDate) {
		const from = post.whenFrom ?? '00:00';
		const at = localInstant(post.whenDate, from, timeZone);
		const until =
			post.whenTo && post.whenTo > from
				? localInstant(post.whenDate, post.whenTo, timeZone)
				: at + (post.durationMinutes ?? DEFAULT_MINUTES) * MINUTE;
		return until >= since ? { at, until, timeZone } : null;
	}
	if (post.whenType === 'recurring' && post.recurringDay) {
		// Every week from the first such weekday after the match was agreed, until it ended.
		let day = localDate(match.agreedAt, timeZone);
		while (weekdayOf(day) !== post.recurringDay) day = shiftDate(day, 1);
		const lastDay = match.endedAt === null ? null : localDate(match.endedAt, timeZone);
		if (lastDay !== null && (lastDay < day || lastDay < firstDay)) return null;
		return { day, weekly: { lastDay } };
	}
	return null;
}

/**
 * Where, only as precisely as this person may see it: a place named in the post (public), "at
 * home" for the one who lives there, and for the other side the address only when it was shared
 * with them in the match (as the conversation page shows it); otherwise nothing.
 */
function placeOf(
	db: DbOrTx,
	match: Match,
	post: Post,
	userId: string,
	reader: FeedReader
): string | null {
	if (post.placeType === 'other') return post.placeLabel;
	if (post.authorId === userId) return m.calendar_at_home({}, { locale: reader.locale });
	if (isBlockedPair(db, userId, post.authorId)) return null;
	return contactsShared(db, match, post.authorId).address;
}
