import { and, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { AT_ONCE_GAP_MS, SUMMARY_TIME, WEEKLY_SUMMARY_DAY } from '$lib/alerts/choices';
import type { AlertRhythm } from '$lib/notify/channels';
import { preparedOnce, type DB } from '../db/client';
import { alertSettings, neighbourhoods, users } from '../db/schema';
import { localDate, localInstant, shiftDate, weekdayOf } from '../calendar';
import { REACHEE_COLUMNS } from '../notify/chain';
import { sendAlert } from './message';
import { newRequestsFor, type AlertPerson } from './requests';
import { parseCategoryIds } from './settings';

/** The last summary moment at or before `now`: today's 08:00 local, or Monday's for weekly. */
export function lastSummaryAt(now: number, timeZone: string, weekly: boolean): number {
	const today = localDate(now, timeZone);
	const back = weekly ? (weekdayOf(today) - WEEKLY_SUMMARY_DAY + 7) % 7 : 0;
	const day = shiftDate(today, -back);
	const at = localInstant(day, SUMMARY_TIME, timeZone);
	// Counted in local days, so the summary stays at 08:00 across a summer-time change.
	return at <= now ? at : localInstant(shiftDate(day, weekly ? -7 : -1), SUMMARY_TIME, timeZone);
}

/**
 * Up to when a person's next alert reaches, or null when none is due now. At once: everything
 * so far, but at most one message an hour. Daily and weekly: up to the last summary moment
 * (`summaryAt`, by default worked out from `now` and the time zone), once; what comes in after
 * it waits for the next one.
 */
export function alertWindowEnd(
	s: { rhythm: AlertRhythm; coveredUntil: number; lastSentAt: number | null },
	now: number,
	timeZone: string,
	summaryAt: (weekly: boolean) => number = (weekly) => lastSummaryAt(now, timeZone, weekly)
): number | null {
	switch (s.rhythm) {
		case 'never':
			return null;
		case 'at_once':
			return s.lastSentAt === null || now - s.lastSentAt >= AT_ONCE_GAP_MS ? now : null;
		case 'daily':
		case 'weekly': {
			const at = summaryAt(s.rhythm === 'weekly');
			return s.coveredUntil < at ? at : null;
		}
	}
}

/** Everyone with alerts on who could hear of a request: active, with a home and a neighbourhood. */
function alertPeople(db: DB) {
	return db
		.select({
			...REACHEE_COLUMNS,
			neighbourhoodId: users.neighbourhoodId,
			lat: users.exactLat,
			lon: users.exactLon,
			timeZone: neighbourhoods.timeZone,
			rhythm: alertSettings.rhythm,
			distanceMeters: alertSettings.distanceMeters,
			categories: alertSettings.categories,
			helps: sql<string>`(select json_group_array(uc.category_id) from user_categories uc where uc.user_id = ${users.id})`,
			coveredUntil: alertSettings.coveredUntil,
			lastSentAt: alertSettings.lastSentAt
		})
		.from(alertSettings)
		.innerJoin(users, eq(users.id, alertSettings.userId))
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, users.neighbourhoodId))
		.where(
			and(
				ne(alertSettings.rhythm, 'never'),
				eq(users.status, 'active'),
				isNotNull(users.exactLat),
				isNotNull(users.exactLon)
			)
		)
		.all();
}

/** Moves a person's window on, if nobody else did since it was read (then it changes nothing). */
const advance = preparedOnce((db) =>
	db
		.update(alertSettings)
		.set({
			coveredUntil: sql`${sql.placeholder('end')}`,
			lastSentAt: sql`coalesce(${sql.placeholder('sentAt')}, ${alertSettings.lastSentAt})`
		})
		.where(
			and(
				eq(alertSettings.userId, sql.placeholder('userId')),
				eq(alertSettings.rhythm, sql.placeholder('rhythm')),
				eq(alertSettings.coveredUntil, sql.placeholder('coveredUntil'))
			)
		)
		.prepare()
);

/**
 * People handled per transaction: one commit for many messages keeps the daily run off the disk
 * (a commit per person made it wait on the disk more than it computed), while the write lock is
 * held for a short moment only, so pages keep answering.
 */
const BATCH = 200;

/**
 * The alerts job: tells each person whose alert is due of the requests published since their
 * last one, in one message at most per run. A person's message and the advance of their
 * `coveredUntil` commit together, and the advance is claimed against the value read, so a
 * request is told to a person once, and a restart or a second worker never sends it twice.
 * Nothing new: no message, but the window still moves on. Returns how many messages were sent.
 */
export function runAlerts(db: DB, now: number, origin: string): number {
	// Everyone of a rhythm in one time zone shares the summary moment: work it out once.
	const summaries = new Map<string, number>();
	const summaryIn = (timeZone: string) => (weekly: boolean) => {
		const key = `${weekly} ${timeZone}`;
		if (!summaries.has(key)) summaries.set(key, lastSummaryAt(now, timeZone, weekly));
		return summaries.get(key)!;
	};
	const due = alertPeople(db).flatMap((row) => {
		const end = alertWindowEnd(row, now, row.timeZone, summaryIn(row.timeZone));
		return end === null || end <= row.coveredUntil ? [] : [{ row, end }];
	});
	let sent = 0;
	for (let i = 0; i < due.length; i += BATCH) {
		db.transaction((tx) => {
			for (const { row, end } of due.slice(i, i + BATCH)) {
				const chosen = parseCategoryIds(row.categories);
				const person: AlertPerson = {
					id: row.id,
					neighbourhoodId: row.neighbourhoodId!,
					home: { lat: row.lat!, lon: row.lon! },
					distanceMeters: row.distanceMeters,
					// None chosen: what their profile says they help with; nothing there: everything.
					categoryIds: chosen.length ? chosen : parseCategoryIds(row.helps)
				};
				// The statements are the connection's, prepared once; better-sqlite3 runs them in
				// this transaction all the same (one connection, synchronous).
				const found = newRequestsFor(db, person, row.coveredUntil, end);
				const claimed = advance(db).run({
					userId: row.id,
					rhythm: row.rhythm,
					coveredUntil: row.coveredUntil,
					end,
					sentAt: found.length ? now : null
				});
				// Another worker moved this window on since it was read: it told these already.
				if (claimed.changes !== 1 || found.length === 0) continue;
				if (sendAlert(tx, row, found, now, origin)) sent++;
			}
		});
	}
	return sent;
}
