import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { m } from '$lib/paraglide/messages.js';
import { isolate } from '$lib/i18n';
import { recordAudit } from '../audit/audit';
import type { DB, DbOrTx } from '../db/client';
import { users, volunteerThanks } from '../db/schema';
import { notifyPerson } from '../notify/notify';
import { firstName } from '../profile/public';

/** A resident a broker may thank or say goodbye to, with the neighbourhood that decides who may. */
export function volunteerPerson(d: DbOrTx, userId: string) {
	const person = d
		.select({
			id: users.id,
			displayName: users.displayName,
			neighbourhoodId: users.neighbourhoodId,
			role: users.role,
			status: users.status
		})
		.from(users)
		.where(eq(users.id, userId))
		.get();
	// Staff are not volunteers, and a deleted account has nobody left to thank.
	if (!person || person.neighbourhoodId === null || person.role !== 'resident') return null;
	if (person.status === 'deleted') return null;
	return { ...person, neighbourhoodId: person.neighbourhoodId };
}

/** The thank-yous a person received, newest first, with who wrote the personal ones. */
export function thanksOf(d: DbOrTx, userId: string) {
	const sender = alias(users, 'sender');
	return d
		.select({
			id: volunteerThanks.id,
			kind: volunteerThanks.kind,
			year: volunteerThanks.year,
			message: volunteerThanks.message,
			sentAt: volunteerThanks.sentAt,
			sentBy: sender.displayName
		})
		.from(volunteerThanks)
		.leftJoin(sender, eq(sender.id, volunteerThanks.sentById))
		.where(eq(volunteerThanks.userId, userId))
		.orderBy(desc(volunteerThanks.sentAt), desc(volunteerThanks.id))
		.all();
}

/**
 * A broker's personal thank-you: kept, audited (without the words) and sent in the same
 * transaction on the person's own channel; the broker's words sit inside a frame in the
 * person's language.
 */
export function sendPersonalThanks(
	db: DB,
	input: { userId: string; brokerId: string; message: string },
	now: number
): boolean {
	return db.transaction((tx) => {
		const person = volunteerPerson(tx, input.userId);
		if (!person || person.status !== 'active') return false;
		const broker = tx
			.select({ name: users.displayName })
			.from(users)
			.where(eq(users.id, input.brokerId))
			.get();
		const from = firstName(broker?.name ?? '');
		const row = tx
			.insert(volunteerThanks)
			.values({
				userId: person.id,
				neighbourhoodId: person.neighbourhoodId,
				kind: 'personal',
				message: input.message,
				sentById: input.brokerId,
				sentAt: now
			})
			.returning({ id: volunteerThanks.id })
			.all()[0]!;
		notifyPerson(
			tx,
			person.id,
			{
				kind: 'volunteer_thanks',
				topic: 'other',
				write: (locale) => ({
					subject: m.hours_mail_thanks_subject({ name: isolate(from, locale) }, { locale }),
					paragraphs: [
						m.hours_mail_thanks_intro({ name: isolate(from, locale) }, { locale }),
						isolate(input.message, locale),
						m.hours_mail_thanks_closing({}, { locale })
					]
				}),
				short: (locale) =>
					m.hours_short_thanks(
						{ name: isolate(from, locale), message: isolate(input.message, locale) },
						{ locale }
					),
				// No channel reaches them: the broker reads what to say in their own language.
				call: {
					subject: { key: 'hours_mail_thanks_subject', params: { name: from } },
					text: { key: 'hours_call_thanks_text', params: { message: input.message } }
				}
			},
			now
		);
		recordAudit(
			tx,
			{
				actorId: input.brokerId,
				action: 'volunteer.thanks',
				subjectType: 'user',
				subjectId: person.id,
				neighbourhoodId: person.neighbourhoodId,
				detail: { thanksId: row.id }
			},
			now
		);
		return true;
	});
}
