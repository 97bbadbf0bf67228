import { and, desc, eq, gte, inArray } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { isolate } from '$lib/i18n';
import type { PartnerContactWay, PartnerReferralStatus } from '$lib/backoffice/lists';
import { recordAudit } from '../audit/audit';
import type { DB, DbOrTx, Tx } from '../db/client';
import { partnerReferrals, posts, services, users } from '../db/schema';
import { notifyPerson } from '../notify/notify';
import { partnerServices } from './roles';

/**
 * Partners refer people in (issue 21 §4): a social worker, home care, a GP practice or a school
 * on the social map refers a resident to the broker with the resident's recorded consent. It lands
 * on Today as an intake to complete; the partner sees where it stands, never the broker's notes,
 * the resident's record or their request.
 */

export type PartnerReferral = typeof partnerReferrals.$inferSelect;

export interface ReferInput {
	serviceId: number;
	name: string;
	phone: string;
	need: string;
	language: string;
	contactWay: PartnerContactWay;
	consent: boolean;
	submissionKey: string;
}

export type ReferResult =
	| { ok: true; referral: PartnerReferral; again: boolean }
	| { ok: false; field: 'serviceId' | 'consent'; error: string };

/** A partner refers a resident from one of their services; a double submit refers once. */
export function referByPartner(
	db: DB,
	partnerId: string,
	input: ReferInput,
	now: number
): ReferResult {
	if (!input.consent) return { ok: false, field: 'consent', error: 'partners_err_consent' };
	const service = partnerServices(db, partnerId).find((s) => s.serviceId === input.serviceId);
	if (!service) return { ok: false, field: 'serviceId', error: 'partners_err_service' };
	return db.transaction((tx): ReferResult => {
		const earlier = tx
			.select()
			.from(partnerReferrals)
			.where(
				and(
					eq(partnerReferrals.partnerId, partnerId),
					eq(partnerReferrals.submissionKey, input.submissionKey)
				)
			)
			.get();
		if (earlier) return { ok: true, referral: earlier, again: true };
		const referral = tx
			.insert(partnerReferrals)
			.values({
				neighbourhoodId: service.neighbourhoodId,
				serviceId: service.serviceId,
				partnerId,
				name: input.name,
				phone: input.phone,
				need: input.need,
				language: input.language,
				contactWay: input.contactWay,
				consentAt: now,
				status: 'new',
				statusAt: now,
				submissionKey: input.submissionKey,
				createdAt: now
			})
			.returning()
			.all()[0]!;
		audit(tx, partnerId, 'partner.refer', referral, now);
		return { ok: true, referral, again: false };
	});
}

/**
 * What a partner sees of their referrals: whom they referred, from which service, when, and
 * where it stands. Nothing the broker wrote or found.
 */
export function partnerView(db: DbOrTx, partnerId: string) {
	return db
		.select({
			id: partnerReferrals.id,
			name: partnerReferrals.name,
			service: services.name,
			status: partnerReferrals.status,
			statusAt: partnerReferrals.statusAt,
			createdAt: partnerReferrals.createdAt
		})
		.from(partnerReferrals)
		.innerJoin(services, eq(services.id, partnerReferrals.serviceId))
		.where(eq(partnerReferrals.partnerId, partnerId))
		.orderBy(desc(partnerReferrals.createdAt), desc(partnerReferrals.id))
		.all();
}

/** Referrals still to be dealt with in these neighbourhoods, for Today (oldest first). */
export function openPartnerReferrals(db: DbOrTx, neighbourhoodIds: number[]) {
	if (neighbourhoodIds.length === 0) return [];
	return db
		.select({
			id: partnerReferrals.id,
			name: partnerReferrals.name,
			service: services.name,
			status: partnerReferrals.status,
			createdAt: partnerReferrals.createdAt
		})
		.from(partnerReferrals)
		.innerJoin(services, eq(services.id, partnerReferrals.serviceId))
		.where(
			and(
				inArray(partnerReferrals.neighbourhoodId, neighbourhoodIds),
				inArray(partnerReferrals.status, ['new', 'in_progress'])
			)
		)
		.orderBy(partnerReferrals.createdAt)
		.all();
}

export function getPartnerReferral(db: DbOrTx, id: number): PartnerReferral | null {
	return db.select().from(partnerReferrals).where(eq(partnerReferrals.id, id)).get() ?? null;
}

/** The referral as the broker reads it: the partner's words, their service and name. */
export function brokerReferralView(db: DbOrTx, referral: PartnerReferral) {
	const service = db
		.select({ name: services.name, phone: services.phone })
		.from(services)
		.where(eq(services.id, referral.serviceId))
		.get();
	const partner = referral.partnerId
		? db
				.select({ name: users.displayName, email: users.email })
				.from(users)
				.where(eq(users.id, referral.partnerId))
				.get()
		: undefined;
	const resident = referral.residentId
		? db
				.select({ id: users.id, name: users.displayName })
				.from(users)
				.where(eq(users.id, referral.residentId))
				.get()
		: undefined;
	const post = referral.postId
		? db
				.select({ id: posts.id, title: posts.title })
				.from(posts)
				.where(eq(posts.id, referral.postId))
				.get()
		: undefined;
	return {
		referral,
		service: service ?? null,
		partner: partner ?? null,
		resident: resident ?? null,
		post: post ?? null
	};
}

/** The requests of a resident since the referral came in: one of them completes the intake. */
export function requestsSince(db: DbOrTx, residentId: string, since: number) {
	return db
		.select({ id: posts.id, title: posts.title, createdAt: posts.createdAt })
		.from(posts)
		.where(
			and(eq(posts.authorId, residentId), eq(posts.kind, 'request'), gte(posts.createdAt, since))
		)
		.orderBy(desc(posts.createdAt))
		.all();
}

export type StatusResult = { ok: true } | { ok: false; error: string };

/** A broker takes the referral up: the partner sees "taken up". */
export function takeUpReferral(
	db: DB,
	brokerId: string,
	referral: PartnerReferral,
	origin: string,
	now: number
): StatusResult {
	if (referral.status !== 'new') return { ok: false, error: 'partners_err_status' };
	return setStatus(db, brokerId, referral, 'in_progress', {}, origin, now);
}

/** A broker does not take it on; the partner sees only that, never why. */
export function declineReferral(
	db: DB,
	brokerId: string,
	referral: PartnerReferral,
	origin: string,
	now: number
): StatusResult {
	if (referral.status === 'completed' || referral.status === 'declined')
		return { ok: false, error: 'partners_err_status' };
	return setStatus(db, brokerId, referral, 'declined', {}, origin, now);
}

/**
 * The intake is complete: the resident's account (registered at the phone intake or found) and,
 * when they asked for help, the request placed for them — how the reach monitor counts requests
 * that came in through a partner.
 */
export function completeReferral(
	db: DB,
	brokerId: string,
	referral: PartnerReferral,
	residentId: string,
	postId: number | null,
	origin: string,
	now: number
): StatusResult {
	if (referral.status === 'completed' || referral.status === 'declined')
		return { ok: false, error: 'partners_err_status' };
	const resident = db
		.select({ neighbourhoodId: users.neighbourhoodId, status: users.status })
		.from(users)
		.where(eq(users.id, residentId))
		.get();
	if (
		!resident ||
		resident.status === 'deleted' ||
		resident.neighbourhoodId !== referral.neighbourhoodId
	)
		return { ok: false, error: 'partners_err_resident' };
	if (
		postId !== null &&
		!requestsSince(db, residentId, referral.createdAt).some((p) => p.id === postId)
	)
		return { ok: false, error: 'partners_err_post' };
	return setStatus(db, brokerId, referral, 'completed', { residentId, postId }, origin, now);
}

function setStatus(
	db: DB,
	brokerId: string,
	referral: PartnerReferral,
	status: PartnerReferralStatus,
	extra: { residentId?: string; postId?: number | null },
	origin: string,
	now: number
): StatusResult {
	db.transaction((tx) => {
		tx.update(partnerReferrals)
			.set({ status, statusAt: now, handledById: brokerId, ...extra })
			.where(eq(partnerReferrals.id, referral.id))
			.run();
		audit(tx, brokerId, `partner_referral.${status}`, referral, now);
		if (referral.partnerId) tellPartner(tx, referral, status, origin, now);
	});
	return { ok: true };
}

const STATUS_WORDS: Record<PartnerReferralStatus, typeof m.partners_status_new> = {
	new: m.partners_status_new,
	in_progress: m.partners_status_in_progress,
	completed: m.partners_status_completed,
	declined: m.partners_status_declined
};

/** The partner hears where their referral stands, on their own channel, with a link to their list. */
function tellPartner(
	tx: Tx,
	referral: PartnerReferral,
	status: PartnerReferralStatus,
	origin: string,
	now: number
) {
	const url = `${origin}/partner`;
	notifyPerson(
		tx,
		referral.partnerId!,
		{
			kind: 'partner_referral_status',
			topic: 'other',
			url,
			write: (locale) => ({
				subject: m.partners_mail_status_subject({}, { locale }),
				paragraphs: [
					m.partners_mail_status_body(
						{
							name: isolate(referral.name, locale),
							status: STATUS_WORDS[status]({}, { locale })
						},
						{ locale }
					)
				],
				action: { label: m.partners_mail_open({}, { locale }), url }
			})
		},
		now
	);
}

function audit(
	tx: DbOrTx,
	actorId: string,
	action: string,
	referral: PartnerReferral,
	now: number
) {
	recordAudit(
		tx,
		{
			actorId,
			action,
			subjectType: 'partner_referral',
			subjectId: referral.id,
			neighbourhoodId: referral.neighbourhoodId,
			detail: { service: referral.serviceId }
		},
		now
	);
}
