import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { expenseClaims } from '../db/schema';
import { intervisionShortfall } from './care';
import { openHelpAsks } from './help-asks';
import { volunteerOverview, type VolunteerRow } from './overview';

/** Today names at most this many people per list; the overview, filtered, has them all. */
export const TODAY_PEOPLE = 5;

type Person = { id: string; name: string; running: number; daysSinceContact: number | null };
/** A list of people Today shows: the first few and how many there are in all. */
export type PeopleList = { people: Person[]; total: number };

function list(rows: VolunteerRow[], keep: (r: VolunteerRow) => boolean): PeopleList {
	const all = rows.filter(keep);
	return {
		total: all.length,
		people: all.slice(0, TODAY_PEOPLE).map((r) => ({
			id: r.id,
			name: r.name,
			running: r.running,
			daysSinceContact: r.daysSinceContact
		}))
	};
}

/**
 * What Today shows of the care for the carers, over the neighbourhoods a broker works in:
 * neighbourhoods with too few intervisions planned, volunteers without intervision in a year,
 * helpers at their limit or not contacted for too long, helpers' questions, and expense claims
 * waiting. Each list is empty when there is nothing to do.
 */
export function careForToday(d: DbOrTx, hoods: { id: number; name: string }[], now: number) {
	const ids = hoods.map((h) => h.id);
	const names = new Map(hoods.map((h) => [h.id, h.name]));
	const rows = hoods.flatMap((h) => volunteerOverview(d, h.id, now));
	const byName = (a: VolunteerRow, b: VolunteerRow) => a.name.localeCompare(b.name);
	const sorted = [...rows].sort(byName);
	const expenses =
		ids.length === 0
			? 0
			: (d
					.select({ n: sql<number>`count(*)` })
					.from(expenseClaims)
					.where(
						and(inArray(expenseClaims.neighbourhoodId, ids), eq(expenseClaims.status, 'claimed'))
					)
					.get()?.n ?? 0);
	return {
		intervision: intervisionShortfall(d, ids, now).map((s) => ({
			...s,
			name: names.get(s.neighbourhoodId) ?? ''
		})),
		noIntervision: list(sorted, (r) => r.noIntervision),
		busy: list(
			[...rows].sort((a, b) => b.running - a.running || byName(a, b)),
			(r) => r.busy
		),
		// Longest without contact first; never contacted before all.
		noContact: list(
			[...rows].sort(
				(a, b) =>
					(b.daysSinceContact ?? Infinity) - (a.daysSinceContact ?? Infinity) || byName(a, b)
			),
			(r) => r.noContact
		),
		asks: openHelpAsks(d, ids),
		expenses
	};
}
