import { eq } from 'drizzle-orm';
import { NEIGHBOURHOOD_DEFAULTS } from '$lib/neighbourhood-defaults';
import type { ModerationPolicy } from '$lib/moderation';
import type { DbOrTx } from '../db/client';
import { neighbourhoods } from '../db/schema';

export { NEIGHBOURHOOD_DEFAULTS };

/** Everything a neighbourhood sets for itself that the rules of other areas read. */
export interface NeighbourhoodSettings {
	timeZone: string;
	requestExpiryDays: number;
	followUpDelayDays: number;
	certificateValidityYears: number;
	moderation: ModerationPolicy;
	noResponseDays: number;
	lendingMaxActive: number;
	lendingBufferDays: number;
	helperMatchLimit: number;
	volunteerContactWeeks: number;
	referralCheckDays: number;
}

/** A neighbourhood's stored settings; undefined when there is no such neighbourhood. */
export function findNeighbourhoodSettings(
	db: DbOrTx,
	neighbourhoodId: number
): NeighbourhoodSettings | undefined {
	return db
		.select({
			timeZone: neighbourhoods.timeZone,
			requestExpiryDays: neighbourhoods.requestExpiryDays,
			followUpDelayDays: neighbourhoods.followUpDelayDays,
			certificateValidityYears: neighbourhoods.certificateValidityYears,
			moderation: neighbourhoods.moderation,
			noResponseDays: neighbourhoods.noResponseDays,
			lendingMaxActive: neighbourhoods.lendingMaxActive,
			lendingBufferDays: neighbourhoods.lendingBufferDays,
			helperMatchLimit: neighbourhoods.helperMatchLimit,
			volunteerContactWeeks: neighbourhoods.volunteerContactWeeks,
			referralCheckDays: neighbourhoods.referralCheckDays
		})
		.from(neighbourhoods)
		.where(eq(neighbourhoods.id, neighbourhoodId))
		.get();
}

/**
 * A neighbourhood's settings, or the defaults for someone without a neighbourhood (an admin) or
 * a neighbourhood that is gone.
 */
export function neighbourhoodSettings(
	db: DbOrTx,
	neighbourhoodId: number | null
): NeighbourhoodSettings {
	return (
		(neighbourhoodId === null ? undefined : findNeighbourhoodSettings(db, neighbourhoodId)) ?? {
			...NEIGHBOURHOOD_DEFAULTS
		}
	);
}
