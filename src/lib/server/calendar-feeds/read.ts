import { m } from '$lib/paraglide/messages.js';
import { toLocale } from '$lib/i18n';
import type { DB } from '../db/client';
import { RateLimiter } from '../auth/rate-limit';
import { days } from '../calendar';
import { hashToken } from '../ids';
import { findFeed, noteRead, type FoundFeed } from './addresses';
import { FEED_PAST_DAYS, type FeedEvent, type FeedReader, type FeedSource } from './events';
import { ownGatherings } from './gatherings';
import { circleMoments, ownCheckInCalls } from './circle-moments';
import { helpMoments } from './help-moments';
import { deskToolDays, ownToolDays } from './tool-days';
import { renderFeed } from './ics';

/** What a person's feed shows. */
const PERSON_SOURCES: FeedSource<{ userId: string }>[] = [
	helpMoments,
	ownToolDays,
	ownGatherings,
	circleMoments,
	ownCheckInCalls
];
/** What the desk's feed shows. */
const DESK_SOURCES: FeedSource<{ neighbourhoodId: number }>[] = [deskToolDays];

/**
 * Reads per address: a calendar app asks a few times an hour at most; a burst of 20, then one
 * every 30 seconds, keeps a runaway client (or someone who found the address) from making the
 * server build the feed over and over. Counted per address, not per client address: Google's
 * servers fetch everyone's calendars from the same few addresses.
 */
export const feedReads = new RateLimiter(20, 30_000);

/** The events of a found address, in its owner's language, sorted by start. */
export function feedEvents(db: DB, feed: FoundFeed, origin: string, now: number): FeedEvent[] {
	const reader: FeedReader = {
		locale: toLocale(feed.locale),
		origin,
		since: now - days(FEED_PAST_DAYS)
	};
	const events =
		feed.owner.kind === 'person'
			? PERSON_SOURCES.flatMap((source) => source(db, { userId: feed.owner.userId }, reader))
			: DESK_SOURCES.flatMap((source) =>
					source(db, { neighbourhoodId: feed.neighbourhoodId! }, reader)
				);
	const start = (e: FeedEvent) => ('at' in e.when ? new Date(e.when.at).toISOString() : e.when.day);
	return events.sort((a, b) => start(a).localeCompare(start(b)) || a.uid.localeCompare(b.uid));
}

export type FeedAnswer = { ok: true; ics: string } | { ok: false; status: 404 | 429 };

/**
 * The calendar behind a secret address, as iCalendar text; 404 for an address that does not
 * (or no longer) work, 429 when it is read too often.
 */
export function readFeed(db: DB, token: string, origin: string, now: number): FeedAnswer {
	const feed = findFeed(db, token);
	if (!feed) return { ok: false, status: 404 };
	// Keyed by the hash: the server's memory holds no usable address either.
	if (!feedReads.consume(hashToken(token), now)) return { ok: false, status: 429 };
	noteRead(db, feed, now);
	const locale = toLocale(feed.locale);
	const name =
		feed.owner.kind === 'person'
			? m.calendar_feed_name({}, { locale })
			: m.calendar_desk_feed_name({}, { locale });
	return { ok: true, ics: renderFeed(name, feedEvents(db, feed, origin, now), now) };
}
