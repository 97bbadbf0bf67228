import type { DbOrTx } from '../db/client';
import { auditLog } from '../db/schema';

/** What an audit row says; `action` is a dotted verb such as "neighbourhood.create". */
export interface AuditEntry {
	actorId: string | null;
	action: string;
	subjectType: string;
	subjectId: string | number;
	neighbourhoodId: number | null;
	/** Small, non-confidential facts about the change (e.g. counts, the old and new name). */
	detail?: Record<string, unknown>;
}

/**
 * Writes one audit row. Call it with the transaction of the change it describes, so the log and
 * the data can never disagree: if the change rolls back, so does its audit row.
 */
export function recordAudit(tx: DbOrTx, entry: AuditEntry, now: number): void {
	tx.insert(auditLog)
		.values({
			at: now,
			actorId: entry.actorId,
			action: entry.action,
			subjectType: entry.subjectType,
			subjectId: String(entry.subjectId),
			neighbourhoodId: entry.neighbourhoodId,
			detail: JSON.stringify(entry.detail ?? {})
		})
		.run();
}
