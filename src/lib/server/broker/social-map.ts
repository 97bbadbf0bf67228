import { and, count, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { toLocale } from '$lib/i18n';
import type { DB, DbOrTx } from '../db/client';
import { posts, referrals, services, users, type Service } from '../db/schema';
import { recordAudit } from '../audit/audit';
import { renderMail } from '../mail/layout';
import { enqueueMail } from '../mail/outbox';

export interface OpeningSlot {
	day: number;
	from: string;
	to: string;
}

export interface ServiceInput {
	name: string;
	description: string;
	kind: string;
	categoryIds: number[];
	phone: string;
	address: string;
	website: string;
	openingHours: OpeningSlot[];
}

/** The services of a neighbourhood's social map, by name. */
export function listServices(db: DbOrTx, neighbourhoodId: number): Service[] {
	return db
		.select()
		.from(services)
		.where(and(eq(services.neighbourhoodId, neighbourhoodId), isNull(services.removedAt)))
		.orderBy(services.name)
		.all();
}

export function getService(db: DbOrTx, id: number): Service | null {
	return (
		db
			.select()
			.from(services)
			.where(and(eq(services.id, id), isNull(services.removedAt)))
			.get() ?? null
	);
}

const columns = (input: ServiceInput) => ({
	name: input.name,
	description: input.description,
	kind: input.kind || 'other',
	categories: JSON.stringify([...new Set(input.categoryIds)]),
	phone: input.phone,
	address: input.address,
	website: input.website,
	openingHours: JSON.stringify(input.openingHours)
});

export function addService(
	db: DB,
	actorId: string | null,
	neighbourhoodId: number,
	input: ServiceInput,
	now: number
): Service {
	return db.transaction((tx) => {
		const row = tx
			.insert(services)
			.values({ ...columns(input), neighbourhoodId, createdAt: now })
			.returning()
			.all()[0]!;
		recordAudit(
			tx,
			{
				actorId,
				action: 'service.add',
				subjectType: 'service',
				subjectId: row.id,
				neighbourhoodId,
				detail: { name: row.name }
			},
			now
		);
		return row;
	});
}

export function updateService(
	db: DB,
	actorId: string,
	service: Service,
	input: ServiceInput,
	now: number
): void {
	db.transaction((tx) => {
		tx.update(services).set(columns(input)).where(eq(services.id, service.id)).run();
		recordAudit(
			tx,
			{
				actorId,
				action: 'service.edit',
				subjectType: 'service',
				subjectId: service.id,
				neighbourhoodId: service.neighbourhoodId,
				detail: { name: input.name }
			},
			now
		);
	});
}

/** Removes a service from the map; past referrals to it stay countable. */
export function removeService(db: DB, actorId: string, service: Service, now: number): void {
	db.transaction((tx) => {
		tx.update(services).set({ removedAt: now }).where(eq(services.id, service.id)).run();
		recordAudit(
			tx,
			{
				actorId,
				action: 'service.remove',
				subjectType: 'service',
				subjectId: service.id,
				neighbourhoodId: service.neighbourhoodId
			},
			now
		);
	});
}

export type ReferResult = { ok: true } | { ok: false; error: string };

/** Opening hours as one plain line, e.g. "ma 09:00–12:00, wo 13:00–16:00". */
export function openingLine(service: Service, locale: string): string {
	const days = (locale === 'en' ? 'Mon Tue Wed Thu Fri Sat Sun' : 'ma di wo do vr za zo').split(
		' '
	);
	const slots = JSON.parse(service.openingHours) as OpeningSlot[];
	return slots.map((s) => `${days[s.day - 1]} ${s.from}–${s.to}`).join(', ');
}

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
		service.phone && m.intake_mail_referral_phone({ phone: service.phone }, { locale }),
		service.address && m.intake_mail_referral_address({ address: service.address }, { locale }),
		service.openingHours !== '[]' &&
			m.intake_mail_referral_hours({ hours: openingLine(service, locale) }, { locale }),
		service.website && m.intake_mail_referral_website({ website: service.website }, { locale })
	].filter(Boolean) as string[];
	db.transaction((tx) => {
		tx.insert(referrals).values({ postId, serviceId, brokerId, note, at: now }).run();
		tx.update(posts).set({ status: 'closed', updatedAt: now }).where(eq(posts.id, postId)).run();
		enqueueMail(
			tx,
			{
				to: author.email,
				toName: author.displayName,
				userId: author.id,
				kind: 'post_referred',
				locale,
				...renderMail({
					locale,
					subject: m.intake_mail_referral_subject({}, { locale }),
					greeting: m.mail_greeting({ name: author.displayName }, { locale }),
					paragraphs: [
						m.intake_mail_referral_body({ title: post.title, service: service.name }, { locale }),
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

const DAY_WORDS: Record<string, number> = {
	ma: 1,
	di: 2,
	wo: 3,
	do: 4,
	vr: 5,
	za: 6,
	zo: 7,
	mon: 1,
	tue: 2,
	wed: 3,
	thu: 4,
	fri: 5,
	sat: 6,
	sun: 7
};

/**
 * Reads opening hours typed as "ma 09:00-12:00, wo 13:00-16:00" (Dutch or English day
 * abbreviations). Returns null when a part cannot be read.
 */
export function parseOpeningHours(text: string): OpeningSlot[] | null {
	const parts = text
		.split(/[,;\n]+/)
		.map((p) => p.trim())
		.filter(Boolean);
	const slots: OpeningSlot[] = [];
	for (const part of parts) {
		const match =
			/^([a-z]{2,3})\.?\s+([01]\d|2[0-3]):([0-5]\d)\s*[-–]\s*([01]\d|2[0-3]):([0-5]\d)$/i.exec(
				part
			);
		const day = match ? DAY_WORDS[match[1]!.toLowerCase()] : undefined;
		if (!match || !day) return null;
		const from = `${match[2]}:${match[3]}`;
		const to = `${match[4]}:${match[5]}`;
		if (from >= to) return null;
		slots.push({ day, from, to });
	}
	return slots;
}

/** Opening hours as the form shows them again. */
export function openingText(service: Service): string {
	const names = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];
	return (JSON.parse(service.openingHours) as OpeningSlot[])
		.map((s) => `${names[s.day - 1]} ${s.from}-${s.to}`)
		.join(', ');
}
