import { and, asc, eq, gt, isNull, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { PublicBadges } from '$lib/trust/badges';
import { preparedOnce, type DbOrTx } from '../db/client';
import { trustBadges } from '../db/schema';
import type { BadgeKind } from '$lib/trust/badge-kinds';
import { earnedBadgesOf } from './earned';

/** A granted badge counts while it is neither revoked nor expired; now may be a placeholder. */
export function countsNow(now: number | Placeholder): SQL {
	return and(
		isNull(trustBadges.revokedAt),
		or(isNull(trustBadges.expiresAt), gt(trustBadges.expiresAt, now))
	)!;
}

/** True when a broker granted the person a badge that is neither revoked nor expired. */
export function hasActiveBadge(db: DbOrTx, userId: string, now: number): boolean {
	const row = db
		.select({ id: trustBadges.id })
		.from(trustBadges)
		.where(and(eq(trustBadges.userId, userId), countsNow(now)))
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
	return activeBadgesOf(db, [userId], now).get(userId) ?? [];
}

// The people travel as one JSON list, so the query keeps one shape and is prepared once.
const badgesOfPeople = preparedOnce((db) =>
	db
		.select({
			userId: trustBadges.userId,
			kind: trustBadges.kind,
			label: trustBadges.label,
			grantedAt: trustBadges.grantedAt
		})
		.from(trustBadges)
		.where(
			and(
				sql`${trustBadges.userId} in (select value from json_each(${sql.placeholder('ids')}))`,
				countsNow(sql.placeholder('now'))
			)
		)
		.orderBy(asc(trustBadges.grantedAt), asc(trustBadges.id))
		.prepare()
);

/** activeBadges for several people in one query; people without badges get an empty list. */
export function activeBadgesOf(
	db: DbOrTx,
	userIds: string[],
	now: number
): Map<string, ShownBadge[]> {
	const result = new Map<string, ShownBadge[]>(userIds.map((id) => [id, []]));
	if (userIds.length === 0) return result;
	const rows = badgesOfPeople(db).all({ ids: JSON.stringify(userIds), now });
	for (const { userId, ...badge } of rows) {
		const list = result.get(userId)!;
		// One of each kind, but each training of its own name (a person may hold several).
		const same = (b: ShownBadge) =>
			b.kind === badge.kind && (badge.kind !== 'training' || b.label === badge.label);
		if (!list.some(same)) list.push(badge);
	}
	return result;
}

/** The kinds of badge that count now for each person (for rules and suggestions). */
export function activeKindsOf(
	db: DbOrTx,
	userIds: string[],
	now: number
): Map<string, Set<BadgeKind>> {
	return new Map(
		[...activeBadgesOf(db, userIds, now)].map(([id, list]) => [
			id,
			new Set(list.map((b) => b.kind))
		])
	);
}

/**
 * Everything public about the trust of several people: granted badges (kind, public label and
 * date, never the broker's note) and earned badges. For cards, responses and suggestions.
 */
export function publicBadgesOf(
	db: DbOrTx,
	userIds: string[],
	now: number
): Map<string, PublicBadges> {
	const granted = activeBadgesOf(db, userIds, now);
	const earned = earnedBadgesOf(db, userIds);
	const result = new Map<string, PublicBadges>();
	for (const [id, e] of earned) result.set(id, { granted: granted.get(id) ?? [], earned: e });
	return result;
}

/** publicBadgesOf for one person; null when there is no such person. */
export function publicBadges(db: DbOrTx, userId: string, now: number): PublicBadges | null {
	return publicBadgesOf(db, [userId], now).get(userId) ?? null;
}
