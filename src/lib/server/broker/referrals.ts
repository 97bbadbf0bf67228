import { and, count, eq, gte, inArray, lt } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { toLocale, isolate } from '$lib/i18n';
import type { DB, DbOrTx } from '../db/client';
import { posts, referrals, services, users } from '../db/schema';
import { recordAudit } from '../audit/audit';
import { renderMail } from '../mail/layout';
import { enqueueMail } from '../mail/outbox';
import { getService, openingLine } from './social-map';
import { planReferralCheck } from '../backoffice/referral-checks';

export type ReferResult = { ok: true } | { ok: false; error: string };

/**
 * A broker passes a request on to a service of the social map: the request is closed as
 * referred, and the poster hears in plain words whom to contact (by mail, or a call task when
 * they have no e-mail).
 */
export function referPost(
	db: DB,
	brokerId: string,
	postId: number,
	serviceId: number,
	note: string,
	now: number
): ReferResult {
	const post = db.select().from(posts).where(eq(posts.id, postId)).get();
	if (!post || post.kind !== 'request') return { ok: false, error: 'intake_err_post' };
	if (!['open', 'pending', 'filled', 'paused'].includes(post.status))
		return { ok: false, error: 'intake_err_post_closed' };
	const service = getService(db, serviceId);
	if (!service || service.neighbourhoodId !== post.neighbourhoodId)
		return { ok: false, error: 'intake_err_service' };
	const author = db.select().from(users).where(eq(users.id, post.authorId)).get()!;
	const locale = toLocale(author.locale);
	const details = [
		service.phone &&
			m.intake_mail_referral_phone({ phone: isolate(service.phone, locale) }, { locale }),
		service.address &&
			m.intake_mail_referral_address({ address: isolate(service.address, locale) }, { locale }),
		service.openingHours !== '[]' &&
			m.intake_mail_referral_hours({ hours: openingLine(service, locale) }, { locale }),
		service.website && m.intake_mail_referral_website({ website: service.website }, { locale })
	].filter(Boolean) as string[];
	// Words that need no translation, for the call a broker makes instead of the mail.
	const contact = [service.phone, service.address, service.website].filter(Boolean).join(' · ');
	db.transaction((tx) => {
		const referral = tx
			.insert(referrals)
			.values({ postId, serviceId, brokerId, note, at: now })
			.returning({ id: referrals.id })
			.all()[0]!;
		// Some days later the resident is asked whether it helped (seed 004 §3.2).
		planReferralCheck(tx, referral.id, post.neighbourhoodId, now);
		tx.update(posts).set({ status: 'closed', updatedAt: now }).where(eq(posts.id, postId)).run();
		enqueueMail(
			tx,
			{
				to: author.email,
				toName: author.displayName,
				userId: author.id,
				kind: 'post_referred',
				locale,
				postId,
				// Without e-mail the broker calls, and reads this in their own language.
				call: {
					subject: { key: 'intake_mail_referral_subject', params: {} },
					// The broker reads out how to reach the service: its phone, address and site.
					text: contact
						? {
								key: 'intake_call_referral_text',
								params: { title: post.title, service: service.name, contact }
							}
						: {
								key: 'intake_mail_referral_body',
								params: { title: post.title, service: service.name }
							}
				},
				...renderMail({
					locale,
					subject: m.intake_mail_referral_subject({}, { locale }),
					greeting: m.mail_greeting({ name: isolate(author.displayName, locale) }, { locale }),
					paragraphs: [
						m.intake_mail_referral_body(
							{ title: isolate(post.title, locale), service: isolate(service.name, locale) },
							{ locale }
						),
						...(service.description ? [service.description] : []),
						...details
					],
					after: m.intake_mail_referral_after({}, { locale })
				})
			},
			now
		);
		recordAudit(
			tx,
			{
				actorId: brokerId,
				action: 'post.refer',
				subjectType: 'post',
				subjectId: postId,
				neighbourhoodId: post.neighbourhoodId,
				detail: { service: serviceId }
			},
			now
		);
	});
	return { ok: true };
}

/** The referral of a post, if it was referred. */
export function referralOf(db: DbOrTx, postId: number) {
	return (
		db
			.select({ at: referrals.at, serviceName: services.name })
			.from(referrals)
			.innerJoin(services, eq(services.id, referrals.serviceId))
			.where(eq(referrals.postId, postId))
			.get() ?? null
	);
}

/**
 * Requests made in [from, to) in these neighbourhoods that were referred to a service, counted
 * by service kind (for reporting). Counted by the request's date, like the report's other
 * request shares, so a share of the period's requests never passes 100%; a request is referred
 * at most once.
 */
export function countReferrals(
	db: DbOrTx,
	neighbourhoodIds: number[],
	from: number,
	to: number
): Record<string, number> {
	if (neighbourhoodIds.length === 0) return {};
	const rows = db
		.select({ kind: services.kind, n: count() })
		.from(referrals)
		.innerJoin(services, eq(services.id, referrals.serviceId))
		.innerJoin(posts, eq(posts.id, referrals.postId))
		.where(
			and(
				inArray(posts.neighbourhoodId, neighbourhoodIds),
				eq(posts.kind, 'request'),
				gte(posts.createdAt, from),
				lt(posts.createdAt, to)
			)
		)
		.groupBy(services.kind)
		.orderBy(services.kind)
		.all();
	return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}

/** A post for the broker pages (refer, print card), or null. */
export function postForBroker(db: DbOrTx, postId: number) {
	return db.select().from(posts).where(eq(posts.id, postId)).get() ?? null;
}
