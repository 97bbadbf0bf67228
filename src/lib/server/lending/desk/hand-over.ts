import { and, eq, isNull, like } from 'drizzle-orm';
import type { DepositOutcome, DepositWaiverReason, ToolCondition } from '$lib/lending/lists';
import type { DB, DbOrTx } from '../../db/client';
import { damageReports, loans, tasks, tools } from '../../db/schema';
import { recordAudit } from '../../audit/audit';
import { completeTask } from '../../tasks/tasks';
import { notifyWaitlist } from '../waitlist';
import { addToolPhoto, type StoredPhoto } from '../photos';
import { DeskError } from './errors';
import { startRepair } from './repairs';

function loadLoan(d: DbOrTx, loanId: number) {
	const row = d
		.select({ loan: loans, tool: tools })
		.from(loans)
		.innerJoin(tools, eq(tools.id, loans.toolId))
		.where(eq(loans.id, loanId))
		.get();
	if (!row) throw new DeskError('desk_error_not_found');
	return row;
}

/** The open calls about this loan being late (reminders.ts keys them by loan and return date). */
function openOverdueCalls(d: DbOrTx, loanId: number) {
	return d
		.select({ id: tasks.id })
		.from(tasks)
		.where(and(like(tasks.dedupeKey, `loan-overdue:${loanId}:%`), isNull(tasks.doneAt)))
		.all();
}

export interface CheckOutInput {
	condition: ToolCondition;
	partsOut: string[];
	deposit: DepositOutcome;
	waiverReason?: DepositWaiverReason | null;
}

/** Hands a reserved tool to the borrower: loan on_loan, tool on_loan. */
export function checkOut(
	db: DB,
	loanId: number,
	actorId: string,
	input: CheckOutInput,
	now: number
): void {
	db.transaction((tx) => {
		const { loan, tool } = loadLoan(tx, loanId);
		if (loan.status !== 'reserved') throw new DeskError('desk_error_not_reserved');
		if (tool.status !== 'available') throw new DeskError('desk_error_tool_unavailable');
		if (input.deposit === 'waived' && !input.waiverReason)
			throw new DeskError('desk_error_waiver_reason');
		tx.update(loans)
			.set({
				status: 'on_loan',
				checkedOutAt: now,
				checkedOutById: actorId,
				conditionOut: input.condition,
				partsOut: JSON.stringify(input.partsOut),
				deposit: input.deposit,
				depositWaiverReason: input.deposit === 'waived' ? input.waiverReason : null
			})
			.where(eq(loans.id, loanId))
			.run();
		tx.update(tools)
			.set({ status: 'on_loan', condition: input.condition })
			.where(eq(tools.id, tool.id))
			.run();
		recordAudit(
			tx,
			{
				actorId,
				action: 'loan.check_out',
				subjectType: 'loan',
				subjectId: loanId,
				neighbourhoodId: tool.neighbourhoodId,
				detail: { toolId: tool.id, deposit: input.deposit }
			},
			now
		);
	});
}

export interface CheckInInput {
	condition: ToolCondition;
	partsBack: string[];
	/** A photo of the damage is stored with the report, in the same transaction. */
	damage?: { description: string; photo?: StoredPhoto | null } | null;
	/** Send the tool to repair instead of back on the shelf. */
	toRepair?: { note: string; expectedDate: string | null } | null;
}

/**
 * Takes a tool back: loan returned; tool available, or in repair. The first on the tool's
 * waiting list hears it is free (not when it goes to repair). Returns the missing parts.
 */
export function checkIn(
	db: DB,
	loanId: number,
	actorId: string,
	input: CheckInInput,
	now: number,
	origin: string
): { missingParts: string[] } {
	return db.transaction((tx) => {
		const { loan, tool } = loadLoan(tx, loanId);
		if (loan.status !== 'on_loan') throw new DeskError('desk_error_not_on_loan');
		const out: string[] = loan.partsOut ? JSON.parse(loan.partsOut) : [];
		const missingParts = out.filter((p) => !input.partsBack.includes(p));
		tx.update(loans)
			.set({
				status: 'returned',
				checkedInAt: now,
				checkedInById: actorId,
				conditionIn: input.condition,
				partsBack: JSON.stringify(input.partsBack)
			})
			.where(eq(loans.id, loanId))
			.run();
		// Back at the desk: nobody needs to call about it being late any more (one call per
		// return date it passed, as an extended loan can be late twice).
		for (const task of openOverdueCalls(tx, loanId))
			completeTask(tx, task.id, actorId, 'returned', now);
		if (input.damage && input.damage.description.trim()) {
			const description = input.damage.description.trim();
			const photo = input.damage.photo
				? addToolPhoto(
						tx,
						tool.id,
						{ ...input.damage.photo, altText: description.slice(0, 200), isDamage: true },
						now
					)
				: null;
			tx.insert(damageReports)
				.values({
					toolId: tool.id,
					loanId,
					description,
					photoId: photo?.id ?? null,
					reportedById: actorId,
					createdAt: now
				})
				.run();
		}
		tx.update(tools)
			.set({ status: 'available', condition: input.condition })
			.where(eq(tools.id, tool.id))
			.run();
		recordAudit(
			tx,
			{
				actorId,
				action: 'loan.check_in',
				subjectType: 'loan',
				subjectId: loanId,
				neighbourhoodId: tool.neighbourhoodId,
				detail: { toolId: tool.id, missingParts: missingParts.length, damage: !!input.damage }
			},
			now
		);
		if (input.toRepair) startRepair(tx, tool.id, actorId, input.toRepair, now);
		else notifyWaitlist(tx, tool.id, now, origin);
		return { missingParts };
	});
}
