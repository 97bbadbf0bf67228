import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import { toLocale, isolate } from '$lib/i18n';
import type { DbOrTx } from '../db/client';
import { neighbourhoods, users } from '../db/schema';
import type { BadgeKind } from '$lib/trust/badge-kinds';
import { renderMail } from '../mail/layout';
import { enqueueMail } from '../mail/outbox';
import { formatLocalDate } from '$lib/dates';
import { firstName } from '../profile/public';
import { neighbourhoodSettings } from '../neighbourhoods/settings';

type Message = (inputs?: object, options?: { locale?: Locale }) => string;

/** A badge's name in a given language (for mail and for tasks, outside a request). */
export const BADGE_NAMES: Record<BadgeKind, Message> = {
	met_in_person: m.trust_badge_met_in_person,
	references: m.trust_badge_references,
	good_conduct: m.trust_badge_good_conduct,
	training: m.trust_badge_training,
	phone_verified: m.trust_badge_phone_verified
};

/** The person a badge belongs to, with what a mail or a task about it needs. */
export function badgeHolder(db: DbOrTx, userId: string) {
	const person = db
		.select({
			id: users.id,
			email: users.email,
			displayName: users.displayName,
			locale: users.locale,
			status: users.status,
			neighbourhoodId: users.neighbourhoodId,
			phone: neighbourhoods.phoneDutyNumber
		})
		.from(users)
		.leftJoin(neighbourhoods, eq(neighbourhoods.id, users.neighbourhoodId))
		.where(eq(users.id, userId))
		.get();
	if (!person) return undefined;
	const { timeZone, certificateValidityYears } = neighbourhoodSettings(db, person.neighbourhoodId);
	return { ...person, timeZone, certificateValidityYears };
}

export type BadgeHolder = NonNullable<ReturnType<typeof badgeHolder>>;

/**
 * The kind mail when a badge is revoked or has expired. It never gives the broker's reason:
 * that is confidential, and a talk is kinder than a sentence in a mail. Without an e-mail
 * address, the outbox makes it a call task for the broker.
 */
export function queueBadgeEndedMail(
	tx: DbOrTx,
	holder: BadgeHolder,
	badge: { kind: BadgeKind; expiresAt: number | null },
	why: 'revoked' | 'expired',
	origin: string,
	now: number
): void {
	// Deleted accounts have no one left to tell.
	if (holder.status === 'deleted') return;
	const locale = toLocale(holder.locale);
	const name = BADGE_NAMES[badge.kind]({}, { locale });
	const date =
		badge.expiresAt !== null ? formatLocalDate(badge.expiresAt, holder.timeZone, locale) : '';
	const paragraphs =
		why === 'revoked'
			? [
					m.trust_mail_revoked_body({ badge: name }, { locale }),
					m.trust_mail_revoked_not_you({}, { locale })
				]
			: [
					m.trust_mail_expired_body({ badge: name, date }, { locale }),
					m.trust_mail_expired_renew({}, { locale })
				];
	paragraphs.push(
		holder.phone
			? m.trust_mail_questions_phone({ phone: isolate(holder.phone, locale) }, { locale })
			: m.trust_mail_questions({}, { locale })
	);
	enqueueMail(
		tx,
		{
			to: holder.email,
			toName: holder.displayName,
			userId: holder.id,
			kind: why === 'revoked' ? 'badge_revoked' : 'badge_expired',
			locale,
			...renderMail({
				locale,
				subject:
					why === 'revoked'
						? m.trust_mail_revoked_subject({ badge: name }, { locale })
						: m.trust_mail_expired_subject({ badge: name }, { locale }),
				greeting: m.mail_greeting(
					{ name: isolate(firstName(holder.displayName), locale) },
					{ locale }
				),
				paragraphs,
				action: { label: m.trust_badges_what({}, { locale }), url: `${origin}/badges` }
			})
		},
		now
	);
}
