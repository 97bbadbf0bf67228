import { and, asc, eq, inArray, isNull, like, lte, or } from 'drizzle-orm';
import type { Locale } from '$lib/paraglide/runtime.js';
import type { DbOrTx } from '../../db/client';
import { tasks, users } from '../../db/schema';
import { completeTask, readTask } from '../../tasks/tasks';
import { describeTask } from '../../tasks/describe';

/** A call the desk should make about a loan: a late tool, or a loan mail for someone without e-mail. */
export interface DeskCall {
	taskId: number;
	kind: string;
	personId: string | null;
	personName: string;
	personPhone: string | null;
	loanId: number | null;
	tool: string | null;
	endDate: string | null;
	/** For a mail read out instead: its subject and text. */
	subject: string | null;
	text: string | null;
}

/**
 * Open lending calls of a neighbourhood due by now, oldest first (also on the broker's Today),
 * in the reader's language (the request's unless given).
 */
export function deskCalls(
	d: DbOrTx,
	neighbourhoodId: number,
	now: number,
	locale?: Locale
): DeskCall[] {
	return d
		.select({ task: tasks, name: users.displayName, phone: users.phone })
		.from(tasks)
		.leftJoin(users, eq(users.id, tasks.subjectUserId))
		.where(
			and(
				eq(tasks.neighbourhoodId, neighbourhoodId),
				isNull(tasks.doneAt),
				lte(tasks.dueAt, now),
				or(
					eq(tasks.kind, 'loan_overdue_call'),
					and(eq(tasks.kind, 'call_resident'), like(tasks.details, '%"mailKind":"loan_%'))
				)
			)
		)
		.orderBy(asc(tasks.dueAt), asc(tasks.id))
		.all()
		.map(({ task, name, phone }) => {
			const stored = readTask(task);
			const details = stored.kind === 'loan_overdue_call' ? stored.details : null;
			// A mail read out instead: its words in the reader's language (keyed or as stored).
			const words =
				stored.kind === 'call_resident'
					? describeTask(task, name ?? '', locale)
					: { subject: null, text: null };
			return {
				taskId: task.id,
				kind: task.kind,
				personId: task.subjectUserId,
				personName: name ?? '',
				personPhone: phone,
				loanId: details?.loanId ?? null,
				tool: details?.tool ?? null,
				endDate: details?.endDate ?? null,
				subject: words.subject,
				text: words.text
			};
		});
}

/** Marks a lending call done with what came of it, when it belongs to this desk's neighbourhood. */
export function completeDeskCall(
	d: DbOrTx,
	neighbourhoodId: number,
	taskId: number,
	actorId: string,
	outcome: string,
	now: number
): boolean {
	const task = d
		.select({ id: tasks.id })
		.from(tasks)
		.where(
			and(
				eq(tasks.id, taskId),
				eq(tasks.neighbourhoodId, neighbourhoodId),
				inArray(tasks.kind, ['loan_overdue_call', 'call_resident'])
			)
		)
		.get();
	return !!task && completeTask(d, task.id, actorId, outcome, now);
}
