import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { tasks, type Task } from '../db/schema';
import type { TaskKind, TaskOf } from './kinds';

/** A task to put on Today: one of the kinds in kinds.ts, with the details of that kind. */
export type NewTask = TaskOf & {
	neighbourhoodId: number | null;
	subjectUserId?: string | null;
	/** Same key twice = one task; e.g. `loan-overdue:${loanId}`. */
	dedupeKey?: string;
	/** Defaults to now. */
	dueAt?: number;
};

/**
 * Puts a task on Today. Idempotent per dedupeKey, so a job that runs every few minutes can call
 * it each time. Returns the task's id, or null when it already existed.
 */
export function createTask(db: DbOrTx, task: NewTask, now: number): number | null {
	const row = db
		.insert(tasks)
		.values({
			neighbourhoodId: task.neighbourhoodId,
			kind: task.kind,
			subjectUserId: task.subjectUserId ?? null,
			dedupeKey: task.dedupeKey ?? null,
			details: JSON.stringify(task.details),
			createdAt: now,
			dueAt: task.dueAt ?? now
		})
		.onConflictDoNothing()
		.returning({ id: tasks.id })
		.all()[0];
	return row?.id ?? null;
}

/** Open tasks due by `now` in these neighbourhoods, oldest first. */
export function listOpenTasks(
	db: DbOrTx,
	neighbourhoodIds: number[],
	now: number,
	kinds?: TaskKind[]
): Task[] {
	if (neighbourhoodIds.length === 0) return [];
	return db
		.select()
		.from(tasks)
		.where(
			and(
				inArray(tasks.neighbourhoodId, neighbourhoodIds),
				isNull(tasks.doneAt),
				lte(tasks.dueAt, now),
				kinds ? inArray(tasks.kind, kinds) : undefined
			)
		)
		.orderBy(asc(tasks.dueAt), asc(tasks.id))
		.all();
}

/** Marks a task done with what came of it; false when it was already done. */
export function completeTask(
	db: DbOrTx,
	taskId: number,
	doneById: string,
	outcome: string,
	now: number
): boolean {
	const done = db
		.update(tasks)
		.set({ doneAt: now, doneById, outcome })
		.where(and(eq(tasks.id, taskId), isNull(tasks.doneAt)))
		.run();
	return done.changes === 1;
}

/** Marks the open task with this dedupe key done (e.g. when what it asked for was already done). */
export function completeTaskByKey(
	db: DbOrTx,
	dedupeKey: string,
	doneById: string | null,
	outcome: string,
	now: number
): boolean {
	const done = db
		.update(tasks)
		.set({ doneAt: now, doneById, outcome })
		.where(and(eq(tasks.dedupeKey, dedupeKey), isNull(tasks.doneAt)))
		.run();
	return done.changes === 1;
}

/**
 * Closes the tasks about a follow-up once it is answered: "nobody answered" and the call made
 * instead of its mail. False when none was open.
 */
export function completeFollowUpTasks(
	db: DbOrTx,
	followUpId: number,
	doneById: string | null,
	outcome: string,
	now: number
): boolean {
	const done = db
		.update(tasks)
		.set({ doneAt: now, doneById, outcome })
		.where(
			and(
				isNull(tasks.doneAt),
				or(
					eq(tasks.dedupeKey, `follow-up-no-answer:${followUpId}`),
					and(
						eq(tasks.kind, 'call_resident'),
						sql`json_extract(${tasks.details}, '$.followUpId') = ${followUpId}`
					)
				)
			)
		)
		.run();
	return done.changes > 0;
}

/** A stored task as its kind and details (createTask is the only writer, so they match). */
export function readTask(task: Pick<Task, 'kind' | 'details'>): TaskOf {
	return { kind: task.kind, details: JSON.parse(task.details) } as TaskOf;
}
