import { and, eq, isNull } from 'drizzle-orm';
import type { RetireReason } from '$lib/lending/lists';
import type { DB, DbOrTx } from '../../db/client';
import { toolRepairs, tools } from '../../db/schema';
import { recordAudit } from '../../audit/audit';
import { notifyWaitlist } from '../waitlist';
import { DeskError } from './errors';

function loadTool(d: DbOrTx, toolId: number) {
	const tool = d.select().from(tools).where(eq(tools.id, toolId)).get();
	if (!tool) throw new DeskError('desk_error_not_found');
	return tool;
}

/** Sends a tool to repair inside the caller's transaction (also at check-in). */
export function startRepair(
	tx: DbOrTx,
	toolId: number,
	actorId: string,
	input: { note: string; expectedDate: string | null },
	now: number
): void {
	const tool = loadTool(tx, toolId);
	if (tool.status === 'on_loan') throw new DeskError('desk_error_on_loan');
	if (tool.status === 'in_repair') throw new DeskError('desk_error_already_in_repair');
	tx.insert(toolRepairs)
		.values({
			toolId,
			note: input.note,
			expectedDate: input.expectedDate,
			startedAt: now,
			startedById: actorId
		})
		.run();
	tx.update(tools).set({ status: 'in_repair' }).where(eq(tools.id, toolId)).run();
	recordAudit(
		tx,
		{
			actorId,
			action: 'tool.repair_start',
			subjectType: 'tool',
			subjectId: toolId,
			neighbourhoodId: tool.neighbourhoodId,
			detail: { expectedDate: input.expectedDate }
		},
		now
	);
}

/** Marks a tool as in repair, with a note and the expected return date. */
export function markInRepair(
	db: DB,
	toolId: number,
	actorId: string,
	input: { note: string; expectedDate: string | null },
	now: number
): void {
	db.transaction((tx) => startRepair(tx, toolId, actorId, input, now));
}

/** The tool is back from repair and can be lent again. */
export function backFromRepair(
	db: DB,
	toolId: number,
	actorId: string,
	now: number,
	origin: string
): void {
	db.transaction((tx) => {
		const tool = loadTool(tx, toolId);
		if (tool.status !== 'in_repair') throw new DeskError('desk_error_not_in_repair');
		tx.update(toolRepairs)
			.set({ endedAt: now })
			.where(and(eq(toolRepairs.toolId, toolId), isNull(toolRepairs.endedAt)))
			.run();
		tx.update(tools).set({ status: 'available' }).where(eq(tools.id, toolId)).run();
		recordAudit(
			tx,
			{
				actorId,
				action: 'tool.repair_end',
				subjectType: 'tool',
				subjectId: toolId,
				neighbourhoodId: tool.neighbourhoodId
			},
			now
		);
		// Free again: the first in line hears it.
		notifyWaitlist(tx, toolId, now, origin);
	});
}

/** Retires a tool for good (with a reason code) or marks it missing. */
export function setToolOutOfService(
	db: DB,
	toolId: number,
	actorId: string,
	status: 'retired' | 'missing',
	reason: RetireReason | null,
	now: number
): void {
	db.transaction((tx) => {
		const tool = loadTool(tx, toolId);
		if (tool.status === status) throw new DeskError('desk_error_already');
		tx.update(tools).set({ status }).where(eq(tools.id, toolId)).run();
		recordAudit(
			tx,
			{
				actorId,
				action: status === 'retired' ? 'tool.retire' : 'tool.missing',
				subjectType: 'tool',
				subjectId: toolId,
				neighbourhoodId: tool.neighbourhoodId,
				detail: { reason, from: tool.status }
			},
			now
		);
	});
}
