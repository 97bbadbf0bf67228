import type { Locale } from '$lib/paraglide/runtime.js';
import type { DbOrTx } from '../db/client';

/**
 * One thing in a calendar feed, as its sources describe it; `ics.ts` writes it as iCalendar.
 * A source is a plain function over the database: the person's feed and the desk's feed are each
 * a list of them, so another kind of day (the gatherings) is one more function in the list.
 */
export interface FeedEvent {
	/** Stable across reads, so a calendar app updates the event instead of adding a copy. */
	uid: string;
	summary: string;
	/** The page about it on the site. */
	url: string;
	/** Only as precise as the reader may see; null: none. */
	location: string | null;
	when: FeedTime;
}

export type FeedTime =
	/** From one instant to another, written in the neighbourhood's time zone (TZID). */
	| { at: number; until: number; timeZone: string }
	/** A whole local day; `weekly`: every week on that weekday, up to and including `lastDay`. */
	| { day: string; weekly?: { lastDay: string | null } };

/** Who reads the feed, and from which day on it shows things. */
export interface FeedReader {
	locale: Locale;
	/** The site's address, for links and UIDs. */
	origin: string;
	/** Instants before this are left out (the feed shows the recent past and what is to come). */
	since: number;
}

/** Something that adds days to a feed. */
export type FeedSource<Who> = (db: DbOrTx, who: Who, reader: FeedReader) => FeedEvent[];

/** How far back a feed reaches: enough to look up last week's job, not a whole history. */
export const FEED_PAST_DAYS = 30;

/** A UID unique to this site: `<what>@<host>`. */
export function feedUid(what: string, origin: string): string {
	return `${what}@${new URL(origin).host}`;
}
