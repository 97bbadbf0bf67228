import type { VolunteerRow } from '$lib/server/volunteers/overview';

/** The ways Today links to the overview: only the helpers with one reason for attention. */
export const CARE_FILTERS = ['busy', 'no_contact', 'no_intervision'] as const;
export type CareFilter = (typeof CARE_FILTERS)[number];

/** The filter in the address, or null (everyone) for anything else. */
export const careFilterOf = (v: string | null): CareFilter | null =>
	(CARE_FILTERS as readonly string[]).includes(v ?? '') ? (v as CareFilter) : null;

/** Does the row belong in the filtered list? */
export function keepRow(r: VolunteerRow, filter: CareFilter | null): boolean {
	if (filter === 'busy') return r.busy;
	if (filter === 'no_contact') return r.noContact;
	if (filter === 'no_intervision') return r.noIntervision;
	return true;
}
