import { and, eq, isNull } from 'drizzle-orm';
import { isLanguageCode } from '$lib/profile/languages';
import type { DB, DbOrTx } from '../db/client';
import {
	neighbourhoodBrokers,
	residentConsents,
	residentProxies,
	streets,
	tasks,
	users,
	type User
} from '../db/schema';
import { describeTask } from '../tasks/describe';
import { approximate } from '../geo/approx';
import { recordAudit } from '../audit/audit';
import { newId } from '../ids';
import { log } from '../log';
import { brokerCovers } from '../neighbourhoods/brokers';
import { createPost, type PostInput, type PostResult } from '../posts/create';

export const CONTACT_WAYS = ['phone', 'visit', 'letter'] as const;
export type ContactWay = (typeof CONTACT_WAYS)[number];

export interface IntakeInput {
	displayName: string;
	phone: string;
	streetId: number;
	houseNumber: string;
	languages: string[];
	contactBy: ContactWay;
	/** The broker asked and the person agreed to be registered. */
	consent: boolean;
}

export type IntakeResult =
	{ ok: true; user: User } | { ok: false; field: keyof IntakeInput; error: string };

/** The neighbourhoods a broker works in; null for an admin (all of them). */
export function brokerNeighbourhoodIds(
	db: DbOrTx,
	user: { id: string; role: string }
): number[] | null {
	if (user.role === 'admin') return null;
	return db
		.select({ id: neighbourhoodBrokers.neighbourhoodId })
		.from(neighbourhoodBrokers)
		.where(eq(neighbourhoodBrokers.userId, user.id))
		.all()
		.map((r) => r.id);
}

/**
 * Registers someone without internet or e-mail, on the phone or at the door. The address is a
 * street from the list plus a house number; it sets the exact point (confidential) and the
 * public approximate one, as the profile does. Without recorded consent nothing is stored.
 */
export function registerResident(
	db: DB,
	broker: { id: string; role: string },
	input: IntakeInput,
	now: number
): IntakeResult {
	if (!input.consent) return { ok: false, field: 'consent', error: 'intake_err_consent' };
	const street = db.select().from(streets).where(eq(streets.id, input.streetId)).get();
	if (!street) return { ok: false, field: 'streetId', error: 'intake_err_street' };
	if (!brokerCovers(db, broker, street.neighbourhoodId))
		return { ok: false, field: 'streetId', error: 'intake_err_street_not_yours' };
	const languages = [...new Set(input.languages)];
	if (!languages.every(isLanguageCode))
		return { ok: false, field: 'languages', error: 'intake_err_language' };
	const approx = approximate(street.lat, street.lon);
	const user = db.transaction((tx) => {
		const user = tx
			.insert(users)
			.values({
				id: newId(),
				email: null,
				displayName: input.displayName,
				phone: input.phone,
				languages: JSON.stringify(languages),
				neighbourhoodId: street.neighbourhoodId,
				streetId: street.id,
				houseNumber: input.houseNumber,
				placeSource: 'street',
				exactLat: street.lat,
				exactLon: street.lon,
				approxCell: approx.cell,
				approxLat: approx.lat,
				approxLon: approx.lon,
				contactBy: input.contactBy,
				createdAt: now
			})
			.returning()
			.all()[0]!;
		tx.insert(residentConsents)
			.values({ userId: user.id, recordedById: broker.id, recordedAt: now })
			.run();
		recordAudit(
			tx,
			{
				actorId: broker.id,
				action: 'resident.register',
				subjectType: 'user',
				subjectId: user.id,
				neighbourhoodId: street.neighbourhoodId,
				detail: { contactBy: input.contactBy }
			},
			now
		);
		return user;
	});
	log.info('intake.registered', { user: user.id, broker: broker.id });
	return { ok: true, user };
}

/** A resident a broker registered, with who recorded the consent and when. */
export function getRegisteredResident(db: DbOrTx, userId: string) {
	return (
		db
			.select({
				user: users,
				consentAt: residentConsents.recordedAt,
				consentById: residentConsents.recordedById
			})
			.from(users)
			.leftJoin(residentConsents, eq(residentConsents.userId, users.id))
			.where(eq(users.id, userId))
			.get() ?? null
	);
}

/**
 * A broker places a request or offer for a resident. The broker checked it on the phone, so it
 * is published at once; the post keeps who placed it.
 */
export function placePostFor(
	db: DB,
	brokerId: string,
	residentId: string,
	input: PostInput,
	now: number
): PostResult {
	return db.transaction((tx) => {
		const created = createPost(tx, residentId, input, true, now, {
			placedById: brokerId,
			publishAtOnce: true
		});
		if (!created.ok) return created;
		const post = created.post;
		recordAudit(
			tx,
			{
				actorId: brokerId,
				action: 'post.place_for',
				subjectType: 'post',
				subjectId: post.id,
				neighbourhoodId: post.neighbourhoodId,
				detail: { author: residentId }
			},
			now
		);
		return created;
	});
}

// ——— Carers and family members acting for a resident ———

export type ProxyResult = { ok: true } | { ok: false; error: string };

/**
 * A broker records that an existing account (found by e-mail) acts for a resident, with the
 * resident's consent recorded by this broker now.
 */
export function linkProxy(
	db: DB,
	broker: { id: string; role: string },
	residentId: string,
	proxyEmail: string,
	now: number
): ProxyResult {
	const resident = db.select().from(users).where(eq(users.id, residentId)).get();
	if (!resident || !brokerCovers(db, broker, resident.neighbourhoodId))
		return { ok: false, error: 'intake_err_resident' };
	const proxy = db
		.select()
		.from(users)
		.where(and(eq(users.email, proxyEmail.trim().toLowerCase()), eq(users.status, 'active')))
		.get();
	if (!proxy || proxy.id === residentId) return { ok: false, error: 'intake_err_proxy_unknown' };
	if (canActFor(db, proxy.id, residentId)) return { ok: true };
	db.transaction((tx) => {
		tx.insert(residentProxies)
			.values({ residentId, proxyUserId: proxy.id, consentRecordedById: broker.id, consentAt: now })
			.run();
		recordAudit(
			tx,
			{
				actorId: broker.id,
				action: 'resident.proxy_link',
				subjectType: 'user',
				subjectId: residentId,
				neighbourhoodId: resident.neighbourhoodId,
				detail: { proxy: proxy.id }
			},
			now
		);
	});
	return { ok: true };
}

/** Ends a proxy link; the carer can no longer act for the resident. */
export function revokeProxy(db: DB, linkId: number, now: number): boolean {
	return (
		db
			.update(residentProxies)
			.set({ revokedAt: now })
			.where(and(eq(residentProxies.id, linkId), isNull(residentProxies.revokedAt)))
			.run().changes === 1
	);
}

/** Whether this person may act for the resident (a link with consent, not revoked). */
export function canActFor(db: DbOrTx, proxyUserId: string, residentId: string): boolean {
	return !!db
		.select({ id: residentProxies.id })
		.from(residentProxies)
		.where(
			and(
				eq(residentProxies.proxyUserId, proxyUserId),
				eq(residentProxies.residentId, residentId),
				isNull(residentProxies.revokedAt)
			)
		)
		.get();
}

/** The residents this person acts for, for the account page. */
export function actsFor(db: DbOrTx, proxyUserId: string) {
	return db
		.select({ id: users.id, displayName: users.displayName, since: residentProxies.consentAt })
		.from(residentProxies)
		.innerJoin(users, eq(users.id, residentProxies.residentId))
		.where(and(eq(residentProxies.proxyUserId, proxyUserId), isNull(residentProxies.revokedAt)))
		.all();
}

/** The carers acting for a resident, for the broker. */
export function proxiesOf(db: DbOrTx, residentId: string) {
	return db
		.select({
			id: residentProxies.id,
			displayName: users.displayName,
			email: users.email,
			since: residentProxies.consentAt
		})
		.from(residentProxies)
		.innerJoin(users, eq(users.id, residentProxies.proxyUserId))
		.where(and(eq(residentProxies.residentId, residentId), isNull(residentProxies.revokedAt)))
		.all();
}

/**
 * A carer posts for the resident they act for. Refused without a link. The post goes through
 * the same check as the resident's own post would.
 */
export function postAsProxy(
	db: DB,
	proxyUserId: string,
	residentId: string,
	input: PostInput,
	now: number
): PostResult | { ok: false; field: 'for'; error: string } {
	if (!canActFor(db, proxyUserId, residentId))
		return { ok: false, field: 'for', error: 'intake_err_not_proxy' };
	return createPost(db, residentId, input, true, now, {
		placedById: proxyUserId,
		publishAtOnce: false
	});
}

/** Open call tasks about one person: what would have been mailed to them. */
export function openCallTasksOf(db: DbOrTx, userId: string) {
	return db
		.select()
		.from(tasks)
		.where(
			and(eq(tasks.subjectUserId, userId), eq(tasks.kind, 'call_resident'), isNull(tasks.doneAt))
		)
		.orderBy(tasks.createdAt)
		.all()
		.map((t) => ({ id: t.id, createdAt: t.createdAt, ...describeTask(t, '') }));
}
