import { desc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import type { DB, DbOrTx } from '../db/client';
import { residentNotes, users } from '../db/schema';
import type { DeletionStep } from '../privacy/steps';

/**
 * A resident's confidential notes, newest first, for a broker of their neighbourhood. Reading them
 * is itself logged (who read whose notes, when), in the same transaction.
 */
export function readResidentNotes(
	db: DB,
	person: { id: string; neighbourhoodId: number | null },
	brokerId: string,
	now: number
) {
	return db.transaction((tx) => {
		const notes = tx
			.select({
				id: residentNotes.id,
				body: residentNotes.body,
				createdAt: residentNotes.createdAt,
				author: users.displayName
			})
			.from(residentNotes)
			.leftJoin(users, eq(users.id, residentNotes.authorId))
			.where(eq(residentNotes.userId, person.id))
			.orderBy(desc(residentNotes.createdAt), desc(residentNotes.id))
			.all();
		if (notes.length > 0)
			recordAudit(
				tx,
				{
					actorId: brokerId,
					action: 'note.read',
					subjectType: 'user',
					subjectId: person.id,
					neighbourhoodId: person.neighbourhoodId,
					detail: { notes: notes.length }
				},
				now
			);
		return notes;
	});
}

/** A broker writes a confidential note on a resident (logged, without its text). */
export function addResidentNote(
	db: DbOrTx,
	person: { id: string; neighbourhoodId: number | null },
	brokerId: string,
	body: string,
	now: number
): void {
	db.transaction((tx) => {
		const note = tx
			.insert(residentNotes)
			.values({ userId: person.id, authorId: brokerId, body, createdAt: now })
			.returning({ id: residentNotes.id })
			.all()[0]!;
		recordAudit(
			tx,
			{
				actorId: brokerId,
				action: 'note.write',
				subjectType: 'user',
				subjectId: person.id,
				neighbourhoodId: person.neighbourhoodId,
				detail: { note: note.id }
			},
			now
		);
	});
}

/** Deleting an account deletes the brokers' notes about the person. */
export const notesDeletion: DeletionStep = {
	name: 'resident_notes',
	run: (tx, p) => tx.delete(residentNotes).where(eq(residentNotes.userId, p.id)).run()
};
