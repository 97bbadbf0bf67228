import { and, eq, inArray } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { isolate } from '$lib/i18n';
import { recordAudit } from '../audit/audit';
import type { DB } from '../db/client';
import { auditLog, posts, sessions, users, type User } from '../db/schema';
import { mailPerson } from '../mail/to-person';
import { openOrFilled } from '../posts/lifecycle';
import { PUBLISHED_STATUSES } from '$lib/posts/statuses';

/**
 * A broker suspends a person: they are signed out everywhere and cannot sign in (the sign-in page
 * shows the reason), their public posts leave view, and they are told why. Which posts were hidden
 * is kept in the audit row, so lifting the suspension brings back exactly those.
 */
export function suspendPerson(
	db: DB,
	personId: string,
	brokerId: string,
	reason: string,
	now: number
): User | null {
	return db.transaction((tx) => {
		const person = tx
			.update(users)
			.set({ status: 'suspended', statusReason: reason })
			.where(and(eq(users.id, personId), eq(users.status, 'active'), eq(users.role, 'resident')))
			.returning()
			.all()[0];
		if (!person) return null;
		tx.delete(sessions).where(eq(sessions.userId, personId)).run();
		const hidden = tx
			.update(posts)
			.set({ status: 'hidden', updatedAt: now })
			.where(and(eq(posts.authorId, personId), inArray(posts.status, [...PUBLISHED_STATUSES])))
			.returning({ id: posts.id })
			.all()
			.map((p) => p.id);
		recordAudit(
			tx,
			{
				actorId: brokerId,
				action: 'resident.suspend',
				subjectType: 'user',
				subjectId: personId,
				neighbourhoodId: person.neighbourhoodId,
				detail: { hiddenPostIds: hidden }
			},
			now
		);
		mailPerson(
			tx,
			person,
			'suspended',
			(locale) => ({
				subject: m.broker_suspended_subject({}, { locale }),
				paragraphs: [
					m.broker_suspended_body({ reason: isolate(reason, locale) }, { locale }),
					m.broker_suspended_next({}, { locale })
				]
			}),
			now,
			// Without e-mail the broker calls, and reads this in their own language.
			{
				call: {
					subject: { key: 'broker_suspended_subject', params: {} },
					text: { key: 'broker_suspended_body', params: { reason } }
				}
			}
		);
		return person;
	});
}

/** Lifts a suspension: the person can sign in again and the posts hidden by it come back. */
export function unsuspendPerson(db: DB, personId: string, brokerId: string, now: number) {
	return db.transaction((tx) => {
		const person = tx
			.update(users)
			.set({ status: 'active', statusReason: null })
			.where(and(eq(users.id, personId), eq(users.status, 'suspended')))
			.returning()
			.all()[0];
		if (!person) return null;
		const last = tx
			.select({ detail: auditLog.detail })
			.from(auditLog)
			.where(and(eq(auditLog.action, 'resident.suspend'), eq(auditLog.subjectId, personId)))
			.orderBy(auditLog.id)
			.all()
			.at(-1);
		const ids = last ? (JSON.parse(last.detail) as { hiddenPostIds?: number[] }).hiddenPostIds : [];
		for (const post of ids?.length
			? tx
					.select()
					.from(posts)
					.where(and(inArray(posts.id, ids), eq(posts.status, 'hidden')))
					.all()
			: [])
			tx.update(posts)
				.set({ status: openOrFilled(tx, post), updatedAt: now })
				.where(eq(posts.id, post.id))
				.run();
		recordAudit(
			tx,
			{
				actorId: brokerId,
				action: 'resident.unsuspend',
				subjectType: 'user',
				subjectId: personId,
				neighbourhoodId: person.neighbourhoodId
			},
			now
		);
		return person;
	});
}
