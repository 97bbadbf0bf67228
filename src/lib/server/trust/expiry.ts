import { and, eq, gt, isNotNull, isNull, lte, ne } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import type { DB } from '../db/client';
import { trustBadges, users } from '../db/schema';
import { createTask } from '../tasks/tasks';
import { days } from '../calendar';
import { expiringTaskKey } from './grant';
import { badgeHolder, queueBadgeEndedMail } from './mails';

/** Brokers see an expiring badge on Today this long before, time to ask for a new certificate. */
export const EXPIRY_NOTICE_DAYS = 30;

/** The person page a broker opens from a task about someone's badge. */
export const personPage = (userId: string) => `/broker/residents/${userId}`;

/**
 * The periodic job for badges that expire (certificates of good conduct):
 * - a badge whose expiry has passed is logged ('badge.expire') and its holder gets a kind mail,
 *   exactly once (expiryHandledAt is claimed in the same transaction as the mail);
 * - a badge expiring within EXPIRY_NOTICE_DAYS becomes a task on the broker's Today page, once
 *   per badge (dedupe key), described when shown, in the broker's language.
 * Revoked (or renewed) badges are left alone. Returns how many things it did.
 */
export function handleBadgeExpiry(db: DB, now: number, origin: string): number {
	let changed = 0;
	const expired = db
		.select({ id: trustBadges.id })
		.from(trustBadges)
		.where(
			and(
				isNull(trustBadges.revokedAt),
				isNull(trustBadges.expiryHandledAt),
				isNotNull(trustBadges.expiresAt),
				lte(trustBadges.expiresAt, now)
			)
		)
		.all();
	for (const { id } of expired) {
		db.transaction((tx) => {
			const claimed = tx
				.update(trustBadges)
				.set({ expiryHandledAt: now })
				.where(
					and(
						eq(trustBadges.id, id),
						isNull(trustBadges.expiryHandledAt),
						isNull(trustBadges.revokedAt)
					)
				)
				.returning()
				.all()[0];
			if (!claimed) return;
			changed++;
			const holder = badgeHolder(tx, claimed.userId)!;
			recordAudit(
				tx,
				{
					actorId: null,
					action: 'badge.expire',
					subjectType: 'user',
					subjectId: claimed.userId,
					neighbourhoodId: holder.neighbourhoodId,
					detail: { badgeId: claimed.id, kind: claimed.kind, expiresAt: claimed.expiresAt }
				},
				now
			);
			queueBadgeEndedMail(tx, holder, claimed, 'expired', origin, now);
		});
	}

	const soon = db
		.select({ badge: trustBadges })
		.from(trustBadges)
		.innerJoin(users, eq(users.id, trustBadges.userId))
		.where(
			and(
				isNull(trustBadges.revokedAt),
				gt(trustBadges.expiresAt, now),
				lte(trustBadges.expiresAt, now + days(EXPIRY_NOTICE_DAYS)),
				ne(users.status, 'deleted'),
				isNotNull(users.neighbourhoodId)
			)
		)
		.all();
	for (const { badge } of soon) {
		const holder = badgeHolder(db, badge.userId)!;
		const made = createTask(
			db,
			{
				neighbourhoodId: holder.neighbourhoodId,
				kind: 'badge_expiring',
				subjectUserId: holder.id,
				dedupeKey: expiringTaskKey(badge.id),
				// Words are chosen when Today shows it, in the broker's language (tasks/describe.ts).
				details: {
					badgeId: badge.id,
					badgeKind: badge.kind,
					// Not null: the query takes badges that expire.
					expiresAt: badge.expiresAt!,
					timeZone: holder.timeZone,
					href: personPage(holder.id)
				}
			},
			now
		);
		if (made !== null) changed++;
	}
	return changed;
}
