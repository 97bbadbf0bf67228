import { eq } from 'drizzle-orm';
import type { ModerationPolicy } from '../../moderation';
import { recordAudit } from '../audit/audit';
import type { DB, DbOrTx } from '../db/client';
import { neighbourhoods } from '../db/schema';
import { findNeighbourhoodSettings } from '../neighbourhoods/settings';

export interface BrokerSettings {
	moderation: ModerationPolicy;
	noResponseDays: number;
}

/** How the brokers of this neighbourhood work; undefined when there is no such neighbourhood. */
export function brokerSettingsOf(db: DbOrTx, neighbourhoodId: number): BrokerSettings | undefined {
	const settings = findNeighbourhoodSettings(db, neighbourhoodId);
	return settings && { moderation: settings.moderation, noResponseDays: settings.noResponseDays };
}

/**
 * Changes the settings and logs what changed (a change of who waits for a check matters to
 * residents, so the audit log keeps the old and new value). Posts already waiting stay waiting.
 */
export function setBrokerSettings(
	db: DB,
	actorId: string,
	neighbourhoodId: number,
	next: BrokerSettings,
	now: number
): boolean {
	return db.transaction((tx) => {
		const before = brokerSettingsOf(tx, neighbourhoodId);
		if (!before) return false;
		const changed = Object.fromEntries(
			(Object.keys(next) as (keyof BrokerSettings)[])
				.filter((k) => before[k] !== next[k])
				.map((k) => [k, { from: before[k], to: next[k] }])
		);
		if (Object.keys(changed).length === 0) return true;
		tx.update(neighbourhoods).set(next).where(eq(neighbourhoods.id, neighbourhoodId)).run();
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
