import { and, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import { hoursText } from '$lib/schemas/followup';
import type { DB, DbOrTx } from '../db/client';
import {
	gatherings,
	gatheringSignups,
	matches,
	neighbourhoods,
	volunteerThanks
} from '../db/schema';
import { isDaytime, localDate, shiftYears, startOfLocalDate } from '../calendar';
import { notifyPerson } from '../notify/notify';
import { helperMinutes } from './hours';
import { volunteerIds } from './who';

/** International Volunteer Day (United Nations), as "MM-DD": the day of the yearly thank-you. */
export const THANKS_DAY = '12-05';

/** What a volunteer did in a period: matches helped in, hours told, gatherings attended. */
export interface VolunteerCount {
	matches: number;
	minutes: number;
	gatherings: number;
}

/**
 * Per volunteer, what they did in [from, until): matches as helper that ran in it (agreed before
 * its end, not ended before its start; cancelled ones and no-shows are no help given), their
 * hours (helperMinutes, the one rule) and gatherings they attended that took place in it.
 */
export function volunteerCounts(
	d: DbOrTx,
	ids: string[],
	from: number,
	until: number
): Map<string, VolunteerCount> {
	const counts = new Map(ids.map((id) => [id, { matches: 0, minutes: 0, gatherings: 0 }]));
	if (ids.length === 0) return counts;
	for (const r of d
		.select({ id: matches.helperId, n: sql<number>`count(*)` })
		.from(matches)
		.where(
			and(
				inArray(matches.helperId, ids),
				inArray(matches.status, ['active', 'done']),
				lt(matches.agreedAt, until),
				or(isNull(matches.endedAt), gte(matches.endedAt, from))
			)
		)
		.groupBy(matches.helperId)
		.all())
		counts.get(r.id)!.matches = r.n;
	for (const [id, minutes] of helperMinutes(d, ids, from, until)) counts.get(id)!.minutes = minutes;
	for (const r of d
		.select({ id: gatheringSignups.userId, n: sql<number>`count(*)` })
		.from(gatheringSignups)
		.innerJoin(gatherings, eq(gatherings.id, gatheringSignups.gatheringId))
		.where(
			and(
				inArray(gatheringSignups.userId, ids),
				eq(gatheringSignups.attended, true),
				gte(gatherings.startsAt, from),
				lt(gatherings.startsAt, until)
			)
		)
		.groupBy(gatheringSignups.userId)
		.all())
		counts.get(r.id)!.gatherings = r.n;
	return counts;
}

/** The yearly mail's words: a thank-you with the person's own count, in their language. */
function yearlyMail(count: VolunteerCount, locale: Locale) {
	const o = { locale };
	const lines = [m.hours_mail_yearly_intro({}, o), m.hours_mail_yearly_what({}, o)];
	if (count.matches > 0) lines.push(m.hours_mail_yearly_matches({ count: count.matches }, o));
	if (count.minutes > 0)
		lines.push(
			m.hours_mail_yearly_hours(
				{ count: count.minutes / 60, hours: hoursText(count.minutes, locale) },
				o
			)
		);
	if (count.gatherings > 0)
		lines.push(m.hours_mail_yearly_gatherings({ count: count.gatherings }, o));
	lines.push(m.hours_mail_yearly_closing({}, o));
	return { subject: m.hours_mail_yearly_subject({}, o), paragraphs: lines };
}

/**
 * On International Volunteer Day, in daytime of the neighbourhood's own time zone, every
 * volunteer (volunteerIds) who helped in the twelve months before gets one thank-you with their
 * own count. The volunteer_thanks row (unique per person and year) is inserted first and the
 * message queued only when it was, in one transaction: running twice, or again the next day or
 * after a restart, sends nothing more. Returns how many were sent.
 */
export function sendYearlyThanks(db: DB, now: number): number {
	let sent = 0;
	const hoods = db
		.select({ id: neighbourhoods.id, timeZone: neighbourhoods.timeZone })
		.from(neighbourhoods)
		.all();
	for (const hood of hoods) {
		const today = localDate(now, hood.timeZone);
		if (today.slice(5) !== THANKS_DAY || !isDaytime(now, hood.timeZone)) continue;
		const year = Number(today.slice(0, 4));
		const from = startOfLocalDate(shiftYears(today, -1), hood.timeZone) ?? now;
		const counts = volunteerCounts(db, volunteerIds(db, hood.id), from, now);
		for (const [userId, count] of counts) {
			if (count.matches + count.minutes + count.gatherings === 0) continue;
			const done = db.transaction((tx) => {
				const inserted = tx
					.insert(volunteerThanks)
					.values({ userId, neighbourhoodId: hood.id, kind: 'yearly', year, sentAt: now })
					.onConflictDoNothing()
					.returning({ id: volunteerThanks.id })
					.all();
				if (inserted.length === 0) return false;
				notifyPerson(
					tx,
					userId,
					{
						kind: 'volunteer_thanks_yearly',
						topic: 'other',
						write: (locale) => yearlyMail(count, locale),
						short: (locale) => m.hours_short_yearly({}, { locale }),
						call: {
							subject: { key: 'hours_short_yearly', params: {} },
							text: { key: 'hours_call_yearly_text', params: {} }
						}
					},
					now
				);
				return true;
			});
			if (done) sent++;
		}
	}
	return sent;
}
