import { aliasedTable, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { trustBadges, users } from '../db/schema';
import type { BadgeKind } from '$lib/trust/badge-kinds';

/** A badge as brokers see it on the person page, note and all. Never for public pages. */
export interface BadgeEntry {
	id: number;
	kind: BadgeKind;
	label: string | null;
	grantedAt: number;
	grantedBy: string | null;
	/** The person proved their phone number with a code by SMS themselves: no broker granted it. */
	byCode: boolean;
	checkedAt: number | null;
	issuedAt: number | null;
	expiresAt: number | null;
	/** Confidential. */
	note: string;
}

export interface EndedBadgeEntry extends BadgeEntry {
	/**
	 * revoked by a broker; replaced by a newer check of the same kind; expired; or, for a phone
	 * badge, ended because the phone number changed (sms/verify.ts).
	 */
	ended: 'revoked' | 'replaced' | 'expired' | 'number_changed';
	endedAt: number;
	endedBy: string | null;
	/** Confidential; only for 'revoked'. */
	reason: string | null;
}

/**
 * A person's badges for the broker's person page: those that count now, and the history of
 * those that were revoked, replaced or expired, newest first.
 */
export function badgeRecord(
	db: DbOrTx,
	userId: string,
	now: number
): { current: BadgeEntry[]; history: EndedBadgeEntry[] } {
	const granter = aliasedTable(users, 'granter');
	const revoker = aliasedTable(users, 'revoker');
	const rows = db
		.select({
			badge: trustBadges,
			grantedBy: granter.displayName,
			revokedBy: revoker.displayName
		})
		.from(trustBadges)
		.leftJoin(granter, eq(granter.id, trustBadges.grantedById))
		.leftJoin(revoker, eq(revoker.id, trustBadges.revokedById))
		.where(eq(trustBadges.userId, userId))
		.orderBy(desc(trustBadges.grantedAt), desc(trustBadges.id))
		.all();
	const current: BadgeEntry[] = [];
	const history: EndedBadgeEntry[] = [];
	for (const { badge: b, grantedBy, revokedBy } of rows) {
		const entry: BadgeEntry = {
			id: b.id,
			kind: b.kind,
			label: b.label,
			grantedAt: b.grantedAt,
			grantedBy,
			byCode: b.kind === 'phone_verified' && b.grantedById === null,
			checkedAt: b.checkedAt,
			issuedAt: b.issuedAt,
			expiresAt: b.expiresAt,
			note: b.note
		};
		if (b.revokedAt !== null && (b.expiresAt === null || b.revokedAt < b.expiresAt))
			history.push({
				...entry,
				// A revocation without a reason is a replacement by a newer check (see grantBadge),
				// or, with nobody named, a phone number that changed (withdrawPhoneVerification).
				ended:
					b.revokeReason !== null
						? 'revoked'
						: b.kind === 'phone_verified' && b.revokedById === null
							? 'number_changed'
							: 'replaced',
				endedAt: b.revokedAt,
				endedBy: revokedBy,
				reason: b.revokeReason
			});
		else if (b.expiresAt !== null && b.expiresAt <= now)
			history.push({
				...entry,
				ended: 'expired',
				endedAt: b.expiresAt,
				endedBy: null,
				reason: null
			});
		else current.push(entry);
	}
	history.sort((a, b) => b.endedAt - a.endedAt);
	return { current, history };
}
