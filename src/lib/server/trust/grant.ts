import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import type { DB } from '../db/client';
import { trustBadges, type TrustBadge } from '../db/schema';
import type { BadgeKind } from '$lib/trust/badge-kinds';
import { localDate, localInstant, shiftYears, startOfLocalDate } from '../calendar';
import { completeTaskByKey } from '../tasks/tasks';
import { countsNow } from './badges';
import { badgeHolder } from './mails';

/** The Today task about a badge that will soon expire; closed when the badge is renewed or revoked. */
export const expiringTaskKey = (badgeId: number) => `badge-expiring:${badgeId}`;

export interface GrantInput {
	userId: string;
	brokerId: string;
	kind: BadgeKind;
	/** The local date ("YYYY-MM-DD", the neighbourhood's zone) the check was done. */
	checkedOn: string;
	/** Confidential: what was checked. Brokers only. */
	note: string;
	/** good_conduct: the certificate's issue date; training: the day of the training. */
	issuedOn?: string | null;
	/** training: its name, shown in public. */
	label?: string | null;
}

export type GrantField = 'checkedOn' | 'issuedOn' | 'label';
export type GrantResult =
	| { ok: true; badge: TrustBadge; replaced: number[] }
	| { ok: false; error: 'no_person' | 'self' }
	| { ok: false; field: GrantField; error: string };

/**
 * When a certificate issued on a local date stops counting: the same calendar day `years` later,
 * at midnight in the neighbourhood's zone (so a summer-time change in between moves nothing).
 */
export function certificateExpiry(issuedOn: string, years: number, timeZone: string): number {
	return localInstant(shiftYears(issuedOn, years), '00:00', timeZone);
}

/**
 * A broker grants a badge after a check. Dates are local dates in the person's neighbourhood;
 * none may lie in the future, and a certificate of good conduct that has already expired is
 * refused. A badge of a kind the person already holds (for a training: the same training, by
 * name) is replaced: the older row is closed as
 * superseded (revokedAt set, revokeReason left null — a broker's own revocation always has a
 * reason), so the history keeps both and only the newest counts. Logged as 'badge.grant',
 * without the note.
 */
export function grantBadge(db: DB, input: GrantInput, now: number): GrantResult {
	const holder = badgeHolder(db, input.userId);
	if (!holder || holder.status !== 'active' || !holder.timeZone || holder.neighbourhoodId === null)
		return { ok: false, error: 'no_person' };
	if (holder.id === input.brokerId) return { ok: false, error: 'self' };
	const tz = holder.timeZone;
	const today = localDate(now, tz);

	const checkedAt = startOfLocalDate(input.checkedOn, tz);
	if (checkedAt === null) return { ok: false, field: 'checkedOn', error: 'trust_err_date' };
	if (input.checkedOn > today) return { ok: false, field: 'checkedOn', error: 'trust_err_future' };

	const needsDate = input.kind === 'good_conduct' || input.kind === 'training';
	const issuedOn = needsDate ? (input.issuedOn ?? '').trim() : '';
	let issuedAt: number | null = null;
	let expiresAt: number | null = null;
	if (needsDate) {
		if (!issuedOn) return { ok: false, field: 'issuedOn', error: 'err_required' };
		issuedAt = startOfLocalDate(issuedOn, tz);
		if (issuedAt === null) return { ok: false, field: 'issuedOn', error: 'trust_err_date' };
		if (issuedOn > today) return { ok: false, field: 'issuedOn', error: 'trust_err_future' };
	}
	if (input.kind === 'good_conduct') {
		if (input.checkedOn < issuedOn)
			return { ok: false, field: 'checkedOn', error: 'trust_err_checked_before_issued' };
		expiresAt = certificateExpiry(issuedOn, holder.certificateValidityYears, tz);
		if (expiresAt <= now)
			return { ok: false, field: 'issuedOn', error: 'trust_err_certificate_expired' };
	}
	const label = input.kind === 'training' ? (input.label ?? '').trim() : '';
	if (input.kind === 'training' && !label)
		return { ok: false, field: 'label', error: 'err_required' };

	return db.transaction((tx) => {
		const older = tx
			.update(trustBadges)
			.set({ revokedAt: now, revokedById: input.brokerId, revokeReason: null })
			.where(
				and(
					eq(trustBadges.userId, holder.id),
					eq(trustBadges.kind, input.kind),
					// A person may hold several trainings; only the same training is renewed.
					input.kind === 'training' ? eq(trustBadges.label, label) : undefined,
					countsNow(now)
				)
			)
			.returning({ id: trustBadges.id, expiresAt: trustBadges.expiresAt })
			.all();
		// An expiry task about the older certificate is done: it has been renewed.
		for (const o of older)
			completeTaskByKey(tx, expiringTaskKey(o.id), input.brokerId, 'renewed', now);
		const badge = tx
			.insert(trustBadges)
			.values({
				userId: holder.id,
				kind: input.kind,
				label: label || null,
				grantedById: input.brokerId,
				grantedAt: now,
				checkedAt,
				issuedAt,
				note: input.note.trim(),
				expiresAt
			})
			.returning()
			.all()[0]!;
		recordAudit(
			tx,
			{
				actorId: input.brokerId,
				action: 'badge.grant',
				subjectType: 'user',
				subjectId: holder.id,
				neighbourhoodId: holder.neighbourhoodId,
				detail: {
					badgeId: badge.id,
					kind: input.kind,
					checkedOn: input.checkedOn,
					...(issuedOn ? { issuedOn } : {}),
					...(expiresAt !== null ? { expiresAt } : {}),
					...(older.length ? { replaced: older.map((o) => o.id) } : {})
				}
			},
			now
		);
		return { ok: true as const, badge, replaced: older.map((o) => o.id) };
	});
}
