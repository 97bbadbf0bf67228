import { and, eq, gte, inArray, isNotNull, isNull, min, or, sql } from 'drizzle-orm';
import type { FollowUpOutcome } from '$lib/followup';
import { days } from '../calendar';
import type { DbOrTx } from '../db/client';
import { matches, signals, trustBadges, users } from '../db/schema';
import { careSettings, intervisionsAttended, isBusy, lastContacts, needsContact } from './care';
import { helperMinutes } from './hours';
import { runningMatchCounts, volunteerIds } from './who';

/** The overview counts matches going on at any time in this many days. */
export const RECENT_DAYS = 90;
/** The overview shows a helper's latest answers to "how did it go?", at most this many. */
export const LAST_ANSWERS = 3;
/** A refresher due within this many days asks for attention (the training badge expires). */
export const REFRESHER_SOON_DAYS = 30;

/** One helper as the broker's volunteer overview shows them. */
export interface VolunteerRow {
	id: string;
	name: string;
	running: number;
	recent: number;
	lastContactAt: number | null;
	/** Whole days since the last contact; null when never. */
	daysSinceContact: number | null;
	lastAnswers: FollowUpOutcome[];
	/** The soonest expiry of their training badges; null when none expires. */
	refresherDueAt: number | null;
	intervisions: number;
	signalsFiled: number;
	minutes: number;
	busy: boolean;
	noContact: boolean;
	refresherSoon: boolean;
	noIntervision: boolean;
}

/** Matches that were going on at some time since `from` (still running, or ended since). */
function recentMatchCounts(d: DbOrTx, ids: string[], from: number): Map<string, number> {
	const counts = new Map(ids.map((id) => [id, 0]));
	if (ids.length === 0) return counts;
	for (const r of d
		.select({ id: matches.helperId, n: sql<number>`count(*)` })
		.from(matches)
		.where(
			and(
				inArray(matches.helperId, ids),
				or(
					eq(matches.status, 'active'),
					gte(sql`coalesce(${matches.endedAt}, ${matches.agreedAt})`, from)
				)
			)
		)
		.groupBy(matches.helperId)
		.all())
		counts.set(r.id, r.n);
	return counts;
}

/** Each helper's latest answered follow-ups as a helper, newest first (one query, windowed). */
function lastAnswers(d: DbOrTx, ids: string[]): Map<string, FollowUpOutcome[]> {
	const answers = new Map<string, FollowUpOutcome[]>(ids.map((id) => [id, []]));
	if (ids.length === 0) return answers;
	const rows = d.all<{ id: string; outcome: FollowUpOutcome }>(sql`
		SELECT id, outcome FROM (
			SELECT f.user_id AS id, f.outcome,
				row_number() OVER (PARTITION BY f.user_id ORDER BY f.answered_at DESC, f.id DESC) AS n
			FROM follow_ups f JOIN matches m ON m.id = f.match_id AND m.helper_id = f.user_id
			WHERE f.answered_at IS NOT NULL AND f.outcome IS NOT NULL
				AND f.user_id IN (${sql.join(
					ids.map((id) => sql`${id}`),
					sql`, `
				)})
		) WHERE n <= ${LAST_ANSWERS} ORDER BY id, n`);
	for (const r of rows) answers.get(r.id)?.push(r.outcome);
	return answers;
}

/** The soonest expiry of each person's training badges that still count. */
function refresherDue(d: DbOrTx, ids: string[]): Map<string, number> {
	if (ids.length === 0) return new Map();
	return new Map(
		d
			.select({ id: trustBadges.userId, at: min(trustBadges.expiresAt) })
			.from(trustBadges)
			.where(
				and(
					inArray(trustBadges.userId, ids),
					eq(trustBadges.kind, 'training'),
					isNull(trustBadges.revokedAt),
					isNotNull(trustBadges.expiresAt)
				)
			)
			.groupBy(trustBadges.userId)
			.all()
			.filter((r): r is { id: string; at: number } => r.at !== null)
			.map((r) => [r.id, r.at])
	);
}

function signalsFiled(d: DbOrTx, ids: string[]): Map<string, number> {
	if (ids.length === 0) return new Map();
	return new Map(
		d
			.select({ id: signals.filedById, n: sql<number>`count(*)` })
			.from(signals)
			.where(inArray(signals.filedById, ids))
			.groupBy(signals.filedById)
			.all()
			.map((r) => [r.id, r.n])
	);
}

/** How many reasons for attention a row has: the overview and Today put those first. */
export const attention = (r: VolunteerRow): number =>
	Number(r.busy) + Number(r.noContact) + Number(r.refresherSoon) + Number(r.noIntervision);

/**
 * The volunteer overview of one neighbourhood (or only the given people of it): per helper the
 * facts a broker needs to care for them, one query per column. Those needing attention first.
 */
export function volunteerOverview(
	d: DbOrTx,
	neighbourhoodId: number,
	now: number,
	only?: string[]
): VolunteerRow[] {
	const settings = careSettings(d, neighbourhoodId);
	if (!settings) return [];
	// Given people are shown whether or not they still count as volunteers (one who stopped too).
	const ids = only ?? volunteerIds(d, neighbourhoodId);
	if (ids.length === 0) return [];
	const names = new Map(
		d
			.select({ id: users.id, name: users.displayName })
			.from(users)
			.where(inArray(users.id, ids))
			.all()
			.map((u) => [u.id, u.name])
	);
	const running = runningMatchCounts(d, ids);
	const recent = recentMatchCounts(d, ids, now - days(RECENT_DAYS));
	const contacts = lastContacts(d, ids);
	const answers = lastAnswers(d, ids);
	const refreshers = refresherDue(d, ids);
	const intervisions = intervisionsAttended(d, ids, now);
	const filed = signalsFiled(d, ids);
	const minutes = helperMinutes(d, ids);
	const rows = ids.map((id): VolunteerRow => {
		const last = contacts.get(id) ?? null;
		const due = refreshers.get(id) ?? null;
		return {
			id,
			name: names.get(id) ?? '',
			running: running.get(id) ?? 0,
			recent: recent.get(id) ?? 0,
			lastContactAt: last,
			daysSinceContact: last === null ? null : Math.max(0, Math.floor((now - last) / days(1))),
			lastAnswers: answers.get(id) ?? [],
			refresherDueAt: due,
			intervisions: intervisions.get(id) ?? 0,
			signalsFiled: filed.get(id) ?? 0,
			minutes: minutes.get(id) ?? 0,
			busy: isBusy(running.get(id) ?? 0, settings.helperMatchLimit),
			noContact: needsContact(last, settings.volunteerContactWeeks, now),
			refresherSoon: due !== null && due - now < days(REFRESHER_SOON_DAYS),
			noIntervision: (intervisions.get(id) ?? 0) === 0
		};
	});
	return rows.sort((a, b) => attention(b) - attention(a) || a.name.localeCompare(b.name));
}
