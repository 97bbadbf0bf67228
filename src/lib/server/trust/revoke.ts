import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import type { DB, DbOrTx } from '../db/client';
import { trustBadges } from '../db/schema';
import { completeTaskByKey } from '../tasks/tasks';
import { expiringTaskKey } from './grant';
import { badgeHolder, queueBadgeEndedMail } from './mails';

export type RevokeResult =
	{ ok: true } | { ok: false; error: 'not_found' | 'already_revoked' | 'no_reason' };

/**
 * A broker takes a badge back, with a reason that stays confidential (brokers only; not in the
 * audit detail, not in the mail). The person gets a kind mail in the same transaction (a call
 * task without e-mail); an open "expires soon" task about the badge is closed.
 */
export function revokeBadge(
	db: DB,
	input: {
		badgeId: number;
		brokerId: string;
		reason: string;
		/** When given, the badge must be this person's (the page it was revoked from). */
		userId?: string;
	},
	origin: string,
	now: number
): RevokeResult {
	return db.transaction((tx) => revokeBadgeIn(tx, input, origin, now));
}

/**
 * revokeBadge inside a transaction the caller holds. `tell: false` sends no "badge ended" mail:
 * for a volunteer's goodbye, whose own kind message says it (issue 20).
 */
export function revokeBadgeIn(
	tx: DbOrTx,
	input: { badgeId: number; brokerId: string; reason: string; userId?: string },
	origin: string,
	now: number,
	{ tell = true }: { tell?: boolean } = {}
): RevokeResult {
	const reason = input.reason.trim();
	if (!reason) return { ok: false, error: 'no_reason' };
	const badge = tx.select().from(trustBadges).where(eq(trustBadges.id, input.badgeId)).get();
	if (!badge || (input.userId !== undefined && badge.userId !== input.userId))
		return { ok: false, error: 'not_found' };
	const done = tx
		.update(trustBadges)
		.set({ revokedAt: now, revokedById: input.brokerId, revokeReason: reason })
		.where(and(eq(trustBadges.id, badge.id), isNull(trustBadges.revokedAt)))
		.run();
	if (done.changes !== 1) return { ok: false, error: 'already_revoked' };
	completeTaskByKey(tx, expiringTaskKey(badge.id), input.brokerId, 'revoked', now);
	const holder = badgeHolder(tx, badge.userId)!;
	recordAudit(
		tx,
		{
			actorId: input.brokerId,
			action: 'badge.revoke',
			subjectType: 'user',
			subjectId: badge.userId,
			neighbourhoodId: holder.neighbourhoodId,
			detail: { badgeId: badge.id, kind: badge.kind }
		},
		now
	);
	// A badge that no longer counted anyway (expired) ends without a second mail.
	if (tell && (badge.expiresAt === null || badge.expiresAt > now))
		queueBadgeEndedMail(tx, holder, badge, 'revoked', origin, now);
	return { ok: true };
}
