import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { neighbourhoods, volunteerAcceptances, volunteerAgreements } from '../db/schema';

/**
 * Where a helper stands with the neighbourhood's volunteer agreement:
 * - `none`: the neighbourhood has not written one yet;
 * - `accepted`: they accepted the current version (online, on paper or read aloud);
 * - `outdated`: they accepted an earlier version, not the current one;
 * - `not_accepted`: never.
 */
export type AgreementStanding = 'none' | 'accepted' | 'outdated' | 'not_accepted';

/** The id and version of the neighbourhood's newest volunteer agreement, or null. */
export function currentVolunteerAgreementId(
	d: DbOrTx,
	neighbourhoodId: number
): { id: number; version: number } | null {
	return (
		d
			.select({ id: volunteerAgreements.id, version: volunteerAgreements.version })
			.from(volunteerAgreements)
			.where(eq(volunteerAgreements.neighbourhoodId, neighbourhoodId))
			.orderBy(desc(volunteerAgreements.version))
			.limit(1)
			.get() ?? null
	);
}

/** Each helper's standing with the current agreement of one neighbourhood, in one query. */
export function agreementStandings(
	d: DbOrTx,
	neighbourhoodId: number,
	userIds: string[]
): Map<string, AgreementStanding> {
	const current = currentVolunteerAgreementId(d, neighbourhoodId);
	const result = new Map<string, AgreementStanding>();
	if (!current) {
		for (const id of userIds) result.set(id, 'none');
		return result;
	}
	for (const id of userIds) result.set(id, 'not_accepted');
	if (userIds.length === 0) return result;
	const rows = d
		.select({ userId: volunteerAcceptances.userId, agreementId: volunteerAcceptances.agreementId })
		.from(volunteerAcceptances)
		.innerJoin(volunteerAgreements, eq(volunteerAgreements.id, volunteerAcceptances.agreementId))
		.where(
			and(
				eq(volunteerAgreements.neighbourhoodId, neighbourhoodId),
				inArray(volunteerAcceptances.userId, userIds)
			)
		)
		.all();
	for (const r of rows) {
		if (r.agreementId === current.id) result.set(r.userId, 'accepted');
		else if (result.get(r.userId) !== 'accepted') result.set(r.userId, 'outdated');
	}
	return result;
}

/**
 * True when the neighbourhood requires its volunteer agreement and the helper has not accepted
 * the current version: they accept it before a proposal or a response leads to a match.
 */
export function mustAcceptAgreement(d: DbOrTx, neighbourhoodId: number, userId: string): boolean {
	const hood = d
		.select({ required: neighbourhoods.volunteerAgreementRequired })
		.from(neighbourhoods)
		.where(eq(neighbourhoods.id, neighbourhoodId))
		.get();
	if (!hood?.required) return false;
	const standing = agreementStandings(d, neighbourhoodId, [userId]).get(userId);
	return standing === 'not_accepted' || standing === 'outdated';
}
