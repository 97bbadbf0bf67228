import { asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { neighbourhoods } from '../db/schema';

export interface DutySlot {
	day: number;
	from: string;
	to: string;
}

/**
 * The time zone of each of these neighbourhoods (ids that do not exist are left out): their
 * local days and months are what reports and figures count in.
 */
export function timeZonesOf(db: DbOrTx, ids: number[]): Map<number, string> {
	if (ids.length === 0) return new Map();
	const rows = db
		.select({ id: neighbourhoods.id, timeZone: neighbourhoods.timeZone })
		.from(neighbourhoods)
		.where(inArray(neighbourhoods.id, ids))
		.orderBy(asc(neighbourhoods.id))
		.all();
	return new Map(rows.map((r) => [r.id, r.timeZone]));
}
