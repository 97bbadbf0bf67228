import { and, eq, isNull } from 'drizzle-orm';
import type { DB, DbOrTx } from '../db/client';
import { residentProxies, users } from '../db/schema';
import { recordAudit } from '../audit/audit';
import { brokerCovers } from '../neighbourhoods/brokers';
import { createPost, type PostInput, type PostResult } from '../posts/create';

// Carers and family members acting for a resident, with the resident's consent.

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
