import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import { isolate } from '$lib/i18n';
import { formatLocalDate } from '$lib/dates';
import { gatheringTitle } from '$lib/volunteers/gathering-title';
import type { DbOrTx } from '../db/client';
import type { Gathering } from '../db/schema';
import { localTime } from '../calendar';
import { notifyPerson } from '../notify/notify';
import { neighbourhoodZone } from './gatherings';

/** The words every mail about a gathering needs, in the reader's language. */
function about(tx: DbOrTx, g: Gathering, locale: Locale) {
	const tz = neighbourhoodZone(tx, g.neighbourhoodId);
	return {
		title: gatheringTitle(g, locale),
		date: formatLocalDate(g.startsAt, tz, locale),
		from: localTime(g.startsAt, tz),
		until: localTime(g.endsAt, tz),
		place: isolate(g.place, locale)
	};
}

type Words = ReturnType<typeof about>;

/**
 * One message about a gathering to one person, in their language, with its page as a full
 * address (mail, SMS and push links leave the site); `open` adds a button to the page.
 */
function notice(
	tx: DbOrTx,
	userId: string,
	g: Gathering,
	origin: string,
	now: number,
	kind: string,
	subject: (a: Words, locale: Locale) => string,
	body: (a: Words, locale: Locale) => string,
	open: boolean
) {
	const url = `${origin}/gatherings/${g.id}`;
	notifyPerson(
		tx,
		userId,
		{
			kind,
			topic: 'reminder',
			url,
			write: (locale) => {
				const a = about(tx, g, locale);
				return {
					subject: subject(a, locale),
					paragraphs: [body(a, locale)],
					...(open ? { action: { label: m.gatherings_mail_open({}, { locale }), url } } : {})
				};
			}
		},
		now
	);
}

/** The first on the waiting list got a place. */
export function noticeMovedUp(
	tx: DbOrTx,
	userId: string,
	g: Gathering,
	origin: string,
	now: number
) {
	notice(
		tx,
		userId,
		g,
		origin,
		now,
		'gathering_moved_up',
		(a, locale) => m.gatherings_mail_moved_up_subject({ title: a.title }, { locale }),
		(a, locale) => m.gatherings_mail_moved_up_body(a, { locale }),
		true
	);
}

/** The whole gathering was cancelled: nothing to open. */
export function noticeGatheringCancelled(
	tx: DbOrTx,
	userId: string,
	g: Gathering,
	origin: string,
	now: number
) {
	notice(
		tx,
		userId,
		g,
		origin,
		now,
		'gathering_cancelled',
		(a, locale) => m.gatherings_mail_cancelled_subject({ title: a.title }, { locale }),
		(a, locale) => m.gatherings_mail_cancelled_body(a, { locale }),
		false
	);
}

/** The reminder the day before. */
export function noticeReminder(
	tx: DbOrTx,
	userId: string,
	g: Gathering,
	origin: string,
	now: number
) {
	notice(
		tx,
		userId,
		g,
		origin,
		now,
		'gathering_reminder',
		(a, locale) => m.gatherings_mail_reminder_subject({ title: a.title }, { locale }),
		(a, locale) => m.gatherings_mail_reminder_body(a, { locale }),
		true
	);
}
