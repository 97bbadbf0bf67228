import { and, asc, eq, isNull } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { isolate } from '$lib/i18n';
import type { DB, DbOrTx } from '../../db/client';
import { lendingDeskStaff, neighbourhoods, users } from '../../db/schema';
import { recordAudit } from '../../audit/audit';
import { renewSessionsAfterRoleChange } from '../../auth/session';
import { mailPerson } from '../../mail/to-person';
import { DeskError } from './errors';

/**
 * Gives a resident the lending-desk role of a neighbourhood (found by e-mail). Before their first
 * desk page they set up a second factor (desk-access.ts). Their sessions are renewed; returns the
 * acting person's own session made anew when they gave the role to themselves.
 */
export function grantDeskRole(
	db: DB,
	neighbourhoodId: number,
	email: string,
	actorId: string,
	now: number,
	actorSession?: { id: string } | null
): ReturnType<typeof renewSessionsAfterRoleChange> {
	return db.transaction((tx) => {
		const user = tx
			.select({ id: users.id })
			.from(users)
			.where(and(eq(users.email, email.trim().toLowerCase()), isNull(users.deletedAt)))
			.get();
		if (!user) throw new DeskError('desk_error_no_such_person');
		const granted = tx
			.insert(lendingDeskStaff)
			.values({ neighbourhoodId, userId: user.id, createdAt: now })
			.onConflictDoNothing()
			.run();
		recordAudit(
			tx,
			{
				actorId,
				action: 'desk.staff_grant',
				subjectType: 'user',
				subjectId: user.id,
				neighbourhoodId
			},
			now
		);
		return granted.changes > 0
			? renewSessionsAfterRoleChange(tx, user.id, now, actorSession)
			: null;
	});
}

/**
 * A broker or admin takes the lending-desk role away: the row goes, the audit log says who did
 * it, and the person gets a kind word (by mail, or a call task without e-mail), all in one
 * transaction. False when they did not have the role here.
 */
export function removeDeskRole(
	db: DB,
	neighbourhoodId: number,
	userId: string,
	actorId: string,
	now: number
): boolean {
	return db.transaction((tx) => {
		const removed = tx
			.delete(lendingDeskStaff)
			.where(
				and(
					eq(lendingDeskStaff.neighbourhoodId, neighbourhoodId),
					eq(lendingDeskStaff.userId, userId)
				)
			)
			.run().changes;
		if (removed === 0) return false;
		recordAudit(
			tx,
			{
				actorId,
				action: 'desk.staff_remove',
				subjectType: 'user',
				subjectId: userId,
				neighbourhoodId
			},
			now
		);
		const person = tx.select().from(users).where(eq(users.id, userId)).get()!;
		const hood = tx
			.select({ name: neighbourhoods.name })
			.from(neighbourhoods)
			.where(eq(neighbourhoods.id, neighbourhoodId))
			.get()!;
		mailPerson(
			tx,
			person,
			'desk_role_removed',
			(locale) => ({
				subject: m.desk_staff_removed_mail_subject(
					{ neighbourhood: isolate(hood.name, locale) },
					{ locale }
				),
				paragraphs: [
					m.desk_staff_removed_mail_body({ neighbourhood: isolate(hood.name, locale) }, { locale }),
					m.desk_staff_removed_mail_thanks({}, { locale })
				]
			}),
			now,
			// Without e-mail the broker calls, and reads this in their own language.
			{
				call: {
					subject: {
						key: 'desk_staff_removed_mail_subject',
						params: { neighbourhood: hood.name }
					},
					text: { key: 'desk_staff_removed_mail_body', params: { neighbourhood: hood.name } }
				}
			}
		);
		// Pages opened with the role must not stay open on an old session.
		renewSessionsAfterRoleChange(tx, userId, now);
		return true;
	});
}

/** The residents with the lending-desk role in a neighbourhood. */
export function listDeskStaff(d: DbOrTx, neighbourhoodId: number) {
	return d
		.select({ userId: users.id, name: users.displayName, email: users.email })
		.from(lendingDeskStaff)
		.innerJoin(users, eq(users.id, lendingDeskStaff.userId))
		.where(eq(lendingDeskStaff.neighbourhoodId, neighbourhoodId))
		.orderBy(asc(users.displayName))
		.all();
}
