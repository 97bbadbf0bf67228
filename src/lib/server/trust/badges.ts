import { and, asc, eq, gt, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { trustBadges, type BadgeKind } from '../db/schema';

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

export interface ShownBadge {
	kind: BadgeKind;
	/** E.g. the training's name. */
	label: string | null;
	grantedAt: number;
}

/** The badges a broker granted that count now (not revoked, not expired), one per kind. */
export function activeBadges(db: DbOrTx, userId: string, now: number): ShownBadge[] {
	const rows = db
		.select({ kind: trustBadges.kind, label: trustBadges.label, grantedAt: trustBadges.grantedAt })
		.from(trustBadges)
		.where(
			and(
				eq(trustBadges.userId, userId),
				isNull(trustBadges.revokedAt),
				or(isNull(trustBadges.expiresAt), gt(trustBadges.expiresAt, now))
			)
		)
		.orderBy(asc(trustBadges.grantedAt))
		.all();
	const seen = new Set<BadgeKind>();
	return rows.filter((r) => !seen.has(r.kind) && seen.add(r.kind));
}
