import { and, asc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import type { DB, DbOrTx } from '../db/client';
import { tasks, type Task } from '../db/schema';
import { addResidentNote } from '../broker/notes';
import { createTask } from '../tasks/tasks';

/**
 * The broker plans a check-in with a volunteer: a task on Today from `dueAt` (the start of the
 * chosen day). Logged, as it concerns a person.
 */
export function planCheckIn(
	db: DB,
	volunteer: { id: string; neighbourhoodId: number },
	brokerId: string,
	dueAt: number,
	now: number
): number {
	return db.transaction((tx) => {
		const id = createTask(
			tx,
			{
				kind: 'volunteer_check_in',
				neighbourhoodId: volunteer.neighbourhoodId,
				subjectUserId: volunteer.id,
				details: { volunteerId: volunteer.id },
				dueAt
			},
			now
		)!;
		recordAudit(
			tx,
			{
				actorId: brokerId,
				action: 'volunteer.check_in_planned',
				subjectType: 'user',
				subjectId: volunteer.id,
				neighbourhoodId: volunteer.neighbourhoodId,
				detail: { task: id, dueAt }
			},
			now
		);
		return id;
	});
}

/**
 * Completes a check-in: the outcome becomes a confidential note on the volunteer in the same
 * transaction (so it counts as contact); false when the task was already done.
 */
export function completeCheckIn(
	db: DB,
	task: Pick<Task, 'id' | 'kind' | 'subjectUserId' | 'neighbourhoodId'>,
	brokerId: string,
	outcome: string,
	now: number
): boolean {
	if (task.kind !== 'volunteer_check_in' || !task.subjectUserId) return false;
	const volunteerId = task.subjectUserId;
	return db.transaction((tx) => {
		const done = tx
			.update(tasks)
			.set({ doneAt: now, doneById: brokerId, outcome })
			.where(and(eq(tasks.id, task.id), isNull(tasks.doneAt)))
			.run();
		if (done.changes !== 1) return false;
		addResidentNote(
			tx,
			{ id: volunteerId, neighbourhoodId: task.neighbourhoodId },
			brokerId,
			outcome,
			now
		);
		return true;
	});
}

/** The check-ins planned with a volunteer and not yet done, soonest first. */
export function plannedCheckIns(d: DbOrTx, volunteerId: string): { id: number; dueAt: number }[] {
	return d
		.select({ id: tasks.id, dueAt: tasks.dueAt })
		.from(tasks)
		.where(
			and(
				eq(tasks.kind, 'volunteer_check_in'),
				eq(tasks.subjectUserId, volunteerId),
				isNull(tasks.doneAt)
			)
		)
		.orderBy(asc(tasks.dueAt))
		.all();
}
