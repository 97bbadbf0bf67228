import { and, eq, isNull, lte, ne, or } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import type { DB, DbOrTx } from '../db/client';
import { gatherings, gatheringSignups, trustBadges, type Gathering } from '../db/schema';
import { localDate, localInstant, shiftMonths } from '../calendar';
import { countsNow } from '../trust/badges';
import { neighbourhoodZone } from './gatherings';

export type AttendanceResult =
	| { ok: true; came: number; badges: number }
	| { ok: false; error: 'not_found' | 'not_started' | 'cancelled' };

/**
 * The broker ticks who came, after the gathering started. Everyone signed up who is not ticked
 * did not come. Recording again replaces the earlier record: a training gives each attendee one
 * badge (never two), and a person unticked loses the badge this gathering gave.
 */
export function recordAttendance(
	db: DB,
	brokerId: string,
	gatheringId: number,
	cameIds: string[],
	now: number
): AttendanceResult {
	return db.transaction((tx) => {
		const g = tx.select().from(gatherings).where(eq(gatherings.id, gatheringId)).get();
		if (!g) return { ok: false as const, error: 'not_found' as const };
		if (g.cancelledAt !== null) return { ok: false as const, error: 'cancelled' as const };
		if (g.startsAt > now) return { ok: false as const, error: 'not_started' as const };
		const signed = tx
			.select()
			.from(gatheringSignups)
			.where(
				and(eq(gatheringSignups.gatheringId, gatheringId), eq(gatheringSignups.status, 'signed_up'))
			)
			.all();
		const came = new Set(cameIds);
		let badges = 0;
		for (const s of signed) {
			const attended = came.has(s.userId);
			tx.update(gatheringSignups).set({ attended }).where(eq(gatheringSignups.id, s.id)).run();
			if (g.kind !== 'training') continue;
			if (attended) badges += giveTrainingBadge(tx, g, s.userId, brokerId, now) ? 1 : 0;
			else
				tx.delete(trustBadges)
					.where(and(eq(trustBadges.gatheringId, g.id), eq(trustBadges.userId, s.userId)))
					.run();
		}
		tx.update(gatherings)
			.set({ attendanceRecordedAt: now, attendanceRecordedById: brokerId })
			.where(eq(gatherings.id, g.id))
			.run();
		recordAudit(
			tx,
			{
				actorId: brokerId,
				action: 'gathering.attendance',
				subjectType: 'gathering',
				subjectId: g.id,
				neighbourhoodId: g.neighbourhoodId,
				detail: { came: signed.filter((s) => came.has(s.userId)).length, of: signed.length }
			},
			now
		);
		return { ok: true as const, came: signed.filter((s) => came.has(s.userId)).length, badges };
	});
}

/**
 * The training badge for one attendee: named after the training, issued and checked on its day,
 * expiring `refresherMonths` later at local midnight. An older training badge with the same name
 * stops counting (superseded, as grantBadge does); other trainings stay. Returns whether a new
 * badge was made (false when this gathering already gave one).
 */
function giveTrainingBadge(
	tx: DbOrTx,
	g: Gathering,
	userId: string,
	brokerId: string,
	now: number
): boolean {
	const already = tx
		.select({ id: trustBadges.id })
		.from(trustBadges)
		.where(and(eq(trustBadges.gatheringId, g.id), eq(trustBadges.userId, userId)))
		.get();
	if (already) return false;
	const tz = neighbourhoodZone(tx, g.neighbourhoodId);
	const day = localDate(g.startsAt, tz);
	const dayStart = localInstant(day, '00:00', tz);
	tx.update(trustBadges)
		.set({ revokedAt: now, revokedById: brokerId, revokeReason: null })
		.where(
			and(
				eq(trustBadges.userId, userId),
				eq(trustBadges.kind, 'training'),
				eq(trustBadges.label, g.name),
				countsNow(now),
				or(isNull(trustBadges.issuedAt), lte(trustBadges.issuedAt, dayStart)),
				or(isNull(trustBadges.gatheringId), ne(trustBadges.gatheringId, g.id))
			)
		)
		.run();
	tx.insert(trustBadges)
		.values({
			userId,
			kind: 'training',
			label: g.name,
			grantedById: brokerId,
			grantedAt: now,
			checkedAt: dayStart,
			issuedAt: dayStart,
			note: '',
			expiresAt:
				g.refresherMonths === null
					? null
					: localInstant(shiftMonths(day, g.refresherMonths), '00:00', tz),
			gatheringId: g.id
		})
		.run();
	return true;
}
