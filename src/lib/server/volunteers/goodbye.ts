import { and, desc, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { toLocale } from '$lib/i18n';
import type { StopReason } from '$lib/volunteers/lists';
import { STOP_REASON_WORDS } from '$lib/volunteers/hours-words';
import { recordAudit } from '../audit/audit';
import type { DB, DbOrTx } from '../db/client';
import {
	matches,
	matchProposals,
	posts,
	trustBadges,
	users,
	volunteerGoodbyes
} from '../db/schema';
import { notifyPerson } from '../notify/notify';
import { revokeBadgeIn } from '../trust/revoke';
import { volunteerPerson } from './thanks';

/** The person's goodbye that has not been followed by a return, if any. */
export function openGoodbye(d: DbOrTx, userId: string) {
	return d
		.select()
		.from(volunteerGoodbyes)
		.where(and(eq(volunteerGoodbyes.userId, userId), isNull(volunteerGoodbyes.resumedAt)))
		.orderBy(desc(volunteerGoodbyes.stoppedAt), desc(volunteerGoodbyes.id))
		.get();
}

/** Every goodbye of the person, newest first (with the confidential note: brokers only). */
export function goodbyesOf(d: DbOrTx, userId: string) {
	return d
		.select()
		.from(volunteerGoodbyes)
		.where(eq(volunteerGoodbyes.userId, userId))
		.orderBy(desc(volunteerGoodbyes.stoppedAt), desc(volunteerGoodbyes.id))
		.all();
}

/** The matches still running with this person as helper: for the broker to hand over. */
export function runningMatchesOf(d: DbOrTx, helperId: string) {
	return d
		.select({
			matchId: matches.id,
			postId: posts.id,
			title: posts.title,
			agreedAt: matches.agreedAt
		})
		.from(matches)
		.innerJoin(posts, eq(posts.id, matches.postId))
		.where(and(eq(matches.helperId, helperId), eq(matches.status, 'active')))
		.orderBy(matches.agreedAt, matches.id)
		.all();
}

/**
 * The badges that need renewal (they have an expiry: the certificate of good conduct, a training
 * with a refresher) and still count: a goodbye ends them.
 */
export function renewableBadgesOf(d: DbOrTx, userId: string, now: number) {
	return d
		.select({ id: trustBadges.id, kind: trustBadges.kind, label: trustBadges.label })
		.from(trustBadges)
		.where(
			and(
				eq(trustBadges.userId, userId),
				isNull(trustBadges.revokedAt),
				isNotNull(trustBadges.expiresAt),
				gt(trustBadges.expiresAt, now)
			)
		)
		.all();
}

export type GoodbyeResult =
	| { ok: true; goodbyeId: number; badgesEnded: number; proposalsWithdrawn: number }
	| { ok: false; error: 'not_found' | 'already_stopped' };

/**
 * A volunteer stops (seed 004 §4.3.3), in one transaction: the goodbye with its reason (and the
 * broker's confidential note), their renewable badges ended through the badge's own revocation
 * but without its "badge ended" mail, their open proposals withdrawn, one kind message in their
 * language that says all of it, and an audit row (the reason, not the note). Running matches stay:
 * the broker hands them over (runningMatchesOf).
 */
export function recordGoodbye(
	db: DB,
	input: { userId: string; brokerId: string; reason: StopReason; note: string },
	origin: string,
	now: number
): GoodbyeResult {
	return db.transaction((tx) => {
		const person = volunteerPerson(tx, input.userId);
		if (!person) return { ok: false as const, error: 'not_found' as const };
		if (openGoodbye(tx, person.id))
			return { ok: false as const, error: 'already_stopped' as const };
		const goodbye = tx
			.insert(volunteerGoodbyes)
			.values({
				userId: person.id,
				neighbourhoodId: person.neighbourhoodId,
				reason: input.reason,
				note: input.note,
				recordedById: input.brokerId,
				stoppedAt: now
			})
			.returning({ id: volunteerGoodbyes.id })
			.all()[0]!;
		// The badge's confidential reason, in the words of the broker who records it.
		const broker = tx
			.select({ locale: users.locale })
			.from(users)
			.where(eq(users.id, input.brokerId))
			.get();
		const locale = toLocale(broker?.locale ?? null);
		const reason = m.hours_goodbye_badge_reason(
			{ reason: STOP_REASON_WORDS[input.reason]({}, { locale }) },
			{ locale }
		);
		let badgesEnded = 0;
		for (const badge of renewableBadgesOf(tx, person.id, now)) {
			const ended = revokeBadgeIn(
				tx,
				{ badgeId: badge.id, brokerId: input.brokerId, reason, userId: person.id },
				origin,
				now,
				{ tell: false }
			);
			if (ended.ok) badgesEnded++;
		}
		const proposalsWithdrawn = tx
			.update(matchProposals)
			.set({ status: 'withdrawn', decidedAt: now })
			.where(and(eq(matchProposals.helperId, person.id), eq(matchProposals.status, 'proposed')))
			.run().changes;
		const running = runningMatchesOf(tx, person.id).length;
		if (person.status === 'active')
			notifyPerson(
				tx,
				person.id,
				{
					kind: 'volunteer_goodbye',
					topic: 'other',
					write: (l) => ({
						subject: m.hours_mail_goodbye_subject({}, { locale: l }),
						paragraphs: [
							m.hours_mail_goodbye_body({}, { locale: l }),
							...(badgesEnded > 0 ? [m.hours_mail_goodbye_badges({}, { locale: l })] : []),
							...(running > 0 ? [m.hours_mail_goodbye_running({}, { locale: l })] : []),
							m.hours_mail_goodbye_welcome_back({}, { locale: l })
						]
					}),
					call: {
						subject: { key: 'hours_mail_goodbye_subject', params: {} },
						text: { key: 'hours_call_goodbye_text', params: {} }
					}
				},
				now
			);
		recordAudit(
			tx,
			{
				actorId: input.brokerId,
				action: 'volunteer.goodbye',
				subjectType: 'user',
				subjectId: person.id,
				neighbourhoodId: person.neighbourhoodId,
				detail: { reason: input.reason, badgesEnded, proposalsWithdrawn, running }
			},
			now
		);
		return { ok: true as const, goodbyeId: goodbye.id, badgesEnded, proposalsWithdrawn };
	});
}

/** The person comes back as a volunteer: their open goodbye gets its return date. Audited. */
export function recordReturn(
	db: DB,
	input: { userId: string; brokerId: string },
	now: number
): { ok: true } | { ok: false; error: 'not_found' | 'not_stopped' } {
	return db.transaction((tx) => {
		const person = volunteerPerson(tx, input.userId);
		if (!person) return { ok: false as const, error: 'not_found' as const };
		const open = openGoodbye(tx, person.id);
		if (!open) return { ok: false as const, error: 'not_stopped' as const };
		tx.update(volunteerGoodbyes)
			.set({ resumedAt: now })
			.where(eq(volunteerGoodbyes.id, open.id))
			.run();
		recordAudit(
			tx,
			{
				actorId: input.brokerId,
				action: 'volunteer.resume',
				subjectType: 'user',
				subjectId: person.id,
				neighbourhoodId: person.neighbourhoodId,
				detail: { goodbyeId: open.id }
			},
			now
		);
		return { ok: true as const };
	});
}
