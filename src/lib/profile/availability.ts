import { DAY_PARTS, type DayPart } from '$lib/day-parts';

/** Days of the week, Monday first, as stored in users.availability ("mon-morning"). */
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];
export type Slot = `${Day}-${DayPart}`;

/** Every slot, in week order. */
export const SLOTS: Slot[] = DAYS.flatMap((d) => DAY_PARTS.map((p) => `${d}-${p}` as Slot));

const known = new Set<string>(SLOTS);

/** True for a slot such as "mon-morning". */
export function isSlot(value: string): value is Slot {
	return known.has(value);
}
