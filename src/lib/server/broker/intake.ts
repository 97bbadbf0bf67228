import { and, eq, isNull } from 'drizzle-orm';
import { isLanguageCode } from '$lib/profile/languages';
import { messageLanguage } from '$lib/i18n';
import type { ContactWay } from '$lib/intake/contact';
import type { DB, DbOrTx } from '../db/client';
import {
	neighbourhoodBrokers,
	residentConsents,
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

export interface IntakeInput {
	displayName: string;
	phone: string;
	streetId: number;
	houseNumber: string;
	languages: string[];
	contactBy: ContactWay;
	/** The language of their messages, chosen with them; empty: the first site language they speak. */
	locale?: string;
	/** The broker asked and the person agreed to be registered. */
	consent: boolean;
	/** Optional, for the reach monitor (people over 75 reached). */
	birthYear?: number | null;
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
				birthYear: input.birthYear ?? null,
				locale: messageLanguage(input.locale, languages),
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
				detail: { contactBy: input.contactBy, locale: user.locale }
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
