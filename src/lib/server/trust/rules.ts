import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import type { DB, DbOrTx } from '../db/client';
import { categories, categoryBadgeRules } from '../db/schema';
import { BADGE_KINDS, type BadgeKind } from '$lib/trust/badge-kinds';
import { activeKindsOf } from './badges';

/** A post as far as the rules care: where it is and what kind of help it asks. */
export interface RulePost {
	neighbourhoodId: number;
	categoryId: number;
}

/** The badges a neighbourhood asks of helpers in a category, in the usual badge order. */
export function requiredBadges(db: DbOrTx, post: RulePost): BadgeKind[] {
	const kinds = new Set(
		db
			.select({ kind: categoryBadgeRules.badgeKind })
			.from(categoryBadgeRules)
			.where(
				and(
					eq(categoryBadgeRules.neighbourhoodId, post.neighbourhoodId),
					eq(categoryBadgeRules.categoryId, post.categoryId)
				)
			)
			.all()
			.map((r) => r.kind)
	);
	return BADGE_KINDS.filter((k) => kinds.has(k));
}

/**
 * For each helper, the badges the post's neighbourhood requires for its category that the helper
 * lacks now (a revoked or expired badge is lacking). Helpers lacking nothing get an empty list.
 */
export function missingBadgesOf(
	db: DbOrTx,
	helperIds: string[],
	post: RulePost,
	now: number
): Map<string, BadgeKind[]> {
	const required = requiredBadges(db, post);
	if (required.length === 0) return new Map(helperIds.map((id) => [id, []]));
	const has = activeKindsOf(db, helperIds, now);
	return new Map(
		helperIds.map((id) => [id, required.filter((k) => !has.get(id)?.has(k))] as const)
	);
}

/** The badges required for the post's category that this helper lacks now. */
export function missingBadges(
	db: DbOrTx,
	helperId: string,
	post: RulePost,
	now: number
): BadgeKind[] {
	return missingBadgesOf(db, [helperId], post, now).get(helperId) ?? [];
}

/** One rule: helpers in this category need this badge. */
export interface BadgeRule {
	categoryId: number;
	kind: BadgeKind;
}

/** A neighbourhood's rules. */
export function badgeRulesOf(db: DbOrTx, neighbourhoodId: number): BadgeRule[] {
	return db
		.select({ categoryId: categoryBadgeRules.categoryId, kind: categoryBadgeRules.badgeKind })
		.from(categoryBadgeRules)
		.where(eq(categoryBadgeRules.neighbourhoodId, neighbourhoodId))
		.orderBy(asc(categoryBadgeRules.categoryId), asc(categoryBadgeRules.badgeKind))
		.all();
}

/**
 * Replaces a neighbourhood's rules with these (the form shows them all at once, as checkboxes).
 * Rules for unknown categories are refused. Logged with what was added and removed.
 */
export function setBadgeRules(
	db: DB,
	actorId: string,
	neighbourhoodId: number,
	rules: BadgeRule[],
	now: number
): { ok: true; added: number; removed: number } | { ok: false; error: 'unknown_category' } {
	return db.transaction((tx) => {
		const known = new Set(
			tx
				.select({ id: categories.id })
				.from(categories)
				.all()
				.map((c) => c.id)
		);
		if (rules.some((r) => !known.has(r.categoryId)))
			return { ok: false as const, error: 'unknown_category' as const };
		const key = (r: BadgeRule) => `${r.categoryId}:${r.kind}`;
		const before = new Set(badgeRulesOf(tx, neighbourhoodId).map(key));
		const after = new Set(rules.map(key));
		const added = [...after].filter((k) => !before.has(k));
		const removed = [...before].filter((k) => !after.has(k));
		tx.delete(categoryBadgeRules)
			.where(eq(categoryBadgeRules.neighbourhoodId, neighbourhoodId))
			.run();
		const unique = [...new Map(rules.map((r) => [key(r), r])).values()];
		if (unique.length > 0)
			tx.insert(categoryBadgeRules)
				.values(
					unique.map((r) => ({ neighbourhoodId, categoryId: r.categoryId, badgeKind: r.kind }))
				)
				.run();
		if (added.length > 0 || removed.length > 0)
			recordAudit(
				tx,
				{
					actorId,
					action: 'badge_rules.update',
					subjectType: 'neighbourhood',
					subjectId: neighbourhoodId,
					neighbourhoodId,
					detail: { added, removed }
				},
				now
			);
		return { ok: true as const, added: added.length, removed: removed.length };
	});
}
