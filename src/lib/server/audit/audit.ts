import { and, desc, eq, inArray, like, lt } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { auditLog, users } from '../db/schema';

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

export const AUDIT_PAGE_SIZE = 50;

/**
 * The newest audit rows, for the audit page: in these neighbourhoods, or everything (null, for
 * admins). `before` pages back by id. The actor's name comes along; details stay as stored.
 */
export function listAudit(
	db: DbOrTx,
	neighbourhoodIds: number[] | null,
	options: { before?: number; action?: string } = {}
) {
	if (neighbourhoodIds?.length === 0) return [];
	return db
		.select({
			id: auditLog.id,
			at: auditLog.at,
			action: auditLog.action,
			subjectType: auditLog.subjectType,
			subjectId: auditLog.subjectId,
			neighbourhoodId: auditLog.neighbourhoodId,
			detail: auditLog.detail,
			actor: users.displayName
		})
		.from(auditLog)
		.leftJoin(users, eq(users.id, auditLog.actorId))
		.where(
			and(
				neighbourhoodIds ? inArray(auditLog.neighbourhoodId, neighbourhoodIds) : undefined,
				options.before ? lt(auditLog.id, options.before) : undefined,
				options.action ? like(auditLog.action, `${options.action}%`) : undefined
			)
		)
		.orderBy(desc(auditLog.id))
		.limit(AUDIT_PAGE_SIZE)
		.all();
}
