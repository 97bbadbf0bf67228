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

/** The gathering's page, as a full address: mail, SMS and push links leave the site. */
const page = (g: Gathering, origin: string) => `${origin}/gatherings/${g.id}`;

/** The first on the waiting list got a place. */
export function noticeMovedUp(
	tx: DbOrTx,
	userId: string,
	g: Gathering,
	origin: string,
	now: number
) {
	notifyPerson(
		tx,
		userId,
		{
			kind: 'gathering_moved_up',
			topic: 'reminder',
			url: page(g, origin),
			write: (locale) => {
				const a = about(tx, g, locale);
				return {
					subject: m.gatherings_mail_moved_up_subject({ title: a.title }, { locale }),
					paragraphs: [m.gatherings_mail_moved_up_body(a, { locale })],
					action: { label: m.gatherings_mail_open({}, { locale }), url: page(g, origin) }
				};
			}
		},
		now
	);
}

/** The whole gathering was cancelled. */
export function noticeGatheringCancelled(
	tx: DbOrTx,
	userId: string,
	g: Gathering,
	origin: string,
	now: number
) {
	notifyPerson(
		tx,
		userId,
		{
			kind: 'gathering_cancelled',
			topic: 'reminder',
			url: page(g, origin),
			write: (locale) => {
				const a = about(tx, g, locale);
				return {
					subject: m.gatherings_mail_cancelled_subject({ title: a.title }, { locale }),
					paragraphs: [m.gatherings_mail_cancelled_body(a, { locale })]
				};
			}
		},
		now
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
	notifyPerson(
		tx,
		userId,
		{
			kind: 'gathering_reminder',
			topic: 'reminder',
			url: page(g, origin),
			write: (locale) => {
				const a = about(tx, g, locale);
				return {
					subject: m.gatherings_mail_reminder_subject({ title: a.title }, { locale }),
					paragraphs: [m.gatherings_mail_reminder_body(a, { locale })],
					action: { label: m.gatherings_mail_open({}, { locale }), url: page(g, origin) }
				};
			}
		},
		now
	);
}
