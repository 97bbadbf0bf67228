import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { trustBadges } from '../db/schema';

/** True when a broker granted the person a badge that is neither revoked nor expired. */
export function hasActiveBadge(db: DbOrTx, userId: string, now: number): boolean {
	const row = db
		.select({ id: trustBadges.id })
		.from(trustBadges)
		.where(
			and(
				eq(trustBadges.userId, userId),
				isNull(trustBadges.revokedAt),
				or(isNull(trustBadges.expiresAt), gt(trustBadges.expiresAt, now))
			)
		)
		.limit(1)
		.get();
	return row !== undefined;
}
