import ical from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { localInstant, shiftDate, weekdayOf, zonedDate } from '../calendar';
import type { FeedEvent } from './events';

/** iCalendar's weekday codes, Monday = 1 as in `weekdayOf`. */
const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** Calendar apps may ask again after an hour (most choose their own rhythm anyway). */
const REFRESH_SECONDS = 60 * 60;

/**
 * The feed as iCalendar text. Timed events carry the TZID of their neighbourhood and the
 * calendar a VTIMEZONE for it (from `@touch4it/ical-timezones`), so a phone shows 14:00 as 14:00
 * in summer and in winter; whole days are dates without a time zone, as they are meant.
 */
export function renderFeed(name: string, events: FeedEvent[], now: number): string {
	const calendar = ical({
		name,
		prodId: { company: 'Naburig', product: 'calendar-feed' },
		ttl: REFRESH_SECONDS
	});
	// No calendar-wide time zone: each timed event names its own, and gets its VTIMEZONE.
	calendar.timezone({ name: null, generator: getVtimezoneComponent });
	for (const e of events) {
		const common = {
			id: e.uid,
			stamp: new Date(now),
			summary: e.summary,
			url: e.url,
			// Google Calendar shows no URL property: the link goes in the description too.
			description: e.url,
			location: e.location
		};
		const when = e.when;
		if ('at' in when) {
			calendar.createEvent({
				...common,
				start: zonedDate(when.at, when.timeZone),
				end: zonedDate(when.until, when.timeZone),
				timezone: when.timeZone
			});
			continue;
		}
		calendar.createEvent({
			...common,
			allDay: true,
			start: dayStart(when.day),
			end: dayStart(shiftDate(when.day, 1)),
			repeating: when.weekly
				? `RRULE:FREQ=WEEKLY;BYDAY=${BYDAY[weekdayOf(when.day) - 1]}${
						when.weekly.lastDay ? `;UNTIL=${when.weekly.lastDay.replaceAll('-', '')}` : ''
					}`
				: null
		});
	}
	return calendar.toString();
}

/** A whole day for the generator, which writes the UTC date of a date without a time zone. */
const dayStart = (day: string) => new Date(localInstant(day, '00:00', 'UTC'));
