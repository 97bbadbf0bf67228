import { eq } from 'drizzle-orm';
import type { ModerationPolicy } from '../../moderation';
import { recordAudit } from '../audit/audit';
import type { DB, DbOrTx } from '../db/client';
import { neighbourhoods } from '../db/schema';
import { findNeighbourhoodSettings } from '../neighbourhoods/settings';

export interface BrokerSettings {
	moderation: ModerationPolicy;
	noResponseDays: number;
	/** Care for the carers: the running-match limit per helper, weeks before "no contact". */
	helperMatchLimit: number;
	volunteerContactWeeks: number;
	/** Days after a referral before the resident is asked whether it helped (seed 004 §3.2). */
	referralCheckDays: number;
}

/** How the brokers of this neighbourhood work; undefined when there is no such neighbourhood. */
export function brokerSettingsOf(db: DbOrTx, neighbourhoodId: number): BrokerSettings | undefined {
	const settings = findNeighbourhoodSettings(db, neighbourhoodId);
	return (
		settings && {
			moderation: settings.moderation,
			noResponseDays: settings.noResponseDays,
			helperMatchLimit: settings.helperMatchLimit,
			volunteerContactWeeks: settings.volunteerContactWeeks,
			referralCheckDays: settings.referralCheckDays
		}
	);
}

/**
 * Changes the settings and logs what changed (a change of who waits for a check matters to
 * residents, so the audit log keeps the old and new value). Posts already waiting stay waiting.
 * A setting left out stays as it is.
 */
export function setBrokerSettings(
	db: DB,
	actorId: string,
	neighbourhoodId: number,
	next: Partial<BrokerSettings>,
	now: number
): boolean {
	return db.transaction((tx) => {
		const before = brokerSettingsOf(tx, neighbourhoodId);
		if (!before) return false;
		const changed = Object.fromEntries(
			(Object.keys(next) as (keyof BrokerSettings)[])
				.filter((k) => next[k] !== undefined && before[k] !== next[k])
				.map((k) => [k, { from: before[k], to: next[k] }])
		);
		if (Object.keys(changed).length === 0) return true;
		const set = Object.fromEntries(
			Object.keys(changed).map((k) => [k, next[k as keyof BrokerSettings]])
		);
		tx.update(neighbourhoods).set(set).where(eq(neighbourhoods.id, neighbourhoodId)).run();
		recordAudit(
			tx,
			{
				actorId,
				action: 'neighbourhood.broker_settings',
				subjectType: 'neighbourhood',
				subjectId: neighbourhoodId,
				neighbourhoodId,
				detail: changed
			},
			now
		);
		return true;
	});
}
