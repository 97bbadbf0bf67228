import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { tasks, type Task } from '../db/schema';

export interface NewTask {
	neighbourhoodId: number | null;
	/** The area's own name for it, e.g. "loan_overdue_call", "follow_up_no_answer". */
	kind: string;
	subjectUserId?: string | null;
	/** Same key twice = one task; e.g. `loan-overdue:${loanId}`. */
	dedupeKey?: string;
	details?: Record<string, unknown>;
	/** Defaults to now. */
	dueAt?: number;
}

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
			details: JSON.stringify(task.details ?? {}),
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
	kinds?: string[]
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

export function taskDetails<T = Record<string, unknown>>(task: Task): T {
	return JSON.parse(task.details) as T;
}
