import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { and, asc, eq, gte, isNull, like, lte, sql } from 'drizzle-orm';
import type { DB, DbOrTx } from '../db/client';
import {
	damageReports,
	loans,
	matches,
	neighbourhoods,
	posts,
	toolRepairs,
	tools,
	tasks,
	users,
	TOOL_CONDITIONS
} from '../db/schema';
import { recordAudit } from '../audit/audit';
import { notifyWaitlist } from './waitlist';
import { addToolPhoto, type StoredPhoto } from './photos';

export type ToolCondition = (typeof TOOL_CONDITIONS)[number];
export const DEPOSIT_WAIVER_REASONS = ['low_income', 'known_borrower', 'broker_decision'] as const;
export type DepositWaiverReason = (typeof DEPOSIT_WAIVER_REASONS)[number];
export const RETIRE_REASONS = ['broken', 'worn_out', 'unsafe', 'replaced'] as const;

export class DeskError extends Error {
	constructor(public code: string) {
		super(code);
	}
}

/** Today's local date "YYYY-MM-DD" in the neighbourhood's time zone. */
export function localToday(d: DbOrTx, neighbourhoodId: number, now: number): string {
	const hood = d
		.select({ tz: neighbourhoods.timeZone })
		.from(neighbourhoods)
		.where(eq(neighbourhoods.id, neighbourhoodId))
		.get();
	return format(new TZDate(now, hood?.tz ?? 'Europe/Brussels'), 'yyyy-MM-dd');
}

export interface DeskLoanRow {
	loanId: number;
	toolId: number;
	toolName: string;
	assetTag: string;
	accessories: string[];
	depositCents: number;
	borrowerId: string;
	borrowerName: string;
	borrowerPhone: string | null;
	startDate: string;
	endDate: string;
	overdue: boolean;
	/** Booked for the borrower by someone at the desk or a broker. */
	bookedForThem: boolean;
	/** The job (match) the helper borrows it for: its request's title. */
	forJob: string | null;
}

function loanRows(d: DbOrTx, neighbourhoodId: number, status: 'reserved' | 'on_loan', day: string) {
	const dateCol = status === 'reserved' ? loans.startDate : loans.endDate;
	return d
		.select({
			loanId: loans.id,
			toolId: tools.id,
			toolName: tools.name,
			assetTag: tools.assetTag,
			accessories: tools.accessories,
			depositCents: tools.depositCents,
			borrowerId: users.id,
			borrowerName: users.displayName,
			borrowerPhone: users.phone,
			startDate: loans.startDate,
			endDate: loans.endDate,
			bookedById: loans.bookedById,
			forJob: posts.title
		})
		.from(loans)
		.innerJoin(tools, eq(tools.id, loans.toolId))
		.innerJoin(users, eq(users.id, loans.borrowerId))
		.leftJoin(matches, eq(matches.id, loans.matchId))
		.leftJoin(posts, eq(posts.id, matches.postId))
		.where(
			and(
				eq(tools.neighbourhoodId, neighbourhoodId),
				eq(loans.status, status),
				// Pick-ups of earlier days are not today's: see uncollectedReservations.
				status === 'reserved' ? eq(dateCol, day) : lte(dateCol, day)
			)
		)
		.orderBy(asc(dateCol), asc(loans.id))
		.all()
		.map(({ bookedById, ...r }) => ({
			...r,
			bookedForThem: bookedById !== null,
			accessories: JSON.parse(r.accessories) as string[],
			overdue: status === 'on_loan' && r.endDate < day
		}));
}

/** Pick-ups (reserved, starting today) and returns (on loan, due today or overdue). */
export function deskToday(
	d: DbOrTx,
	neighbourhoodId: number,
	now: number
): {
	today: string;
	pickups: DeskLoanRow[];
	returns: DeskLoanRow[];
	flagged: FlaggedReservation[];
} {
	const today = localToday(d, neighbourhoodId, now);
	return {
		today,
		pickups: loanRows(d, neighbourhoodId, 'reserved', today),
		returns: loanRows(d, neighbourhoodId, 'on_loan', today),
		flagged: reservationsHitByRepair(d, neighbourhoodId, today)
	};
}

export interface FlaggedReservation {
	loanId: number;
	toolName: string;
	borrowerName: string;
	borrowerPhone: string | null;
	startDate: string;
	endDate: string;
	expectedDate: string | null;
}

/**
 * Reservations of tools now in repair whose period overlaps the repair (from today up to the
 * expected date, or open-ended): the desk must contact these borrowers.
 */
export function reservationsHitByRepair(
	d: DbOrTx,
	neighbourhoodId: number,
	today: string
): FlaggedReservation[] {
	const rows = d
		.select({
			loanId: loans.id,
			toolName: tools.name,
			borrowerName: users.displayName,
			borrowerPhone: users.phone,
			startDate: loans.startDate,
			endDate: loans.endDate,
			expectedDate: toolRepairs.expectedDate
		})
		.from(loans)
		.innerJoin(tools, eq(tools.id, loans.toolId))
		.innerJoin(users, eq(users.id, loans.borrowerId))
		.innerJoin(toolRepairs, and(eq(toolRepairs.toolId, tools.id), isNull(toolRepairs.endedAt)))
		.where(
			and(
				eq(tools.neighbourhoodId, neighbourhoodId),
				eq(tools.status, 'in_repair'),
				eq(loans.status, 'reserved'),
				gte(loans.endDate, today)
			)
		)
		.orderBy(asc(loans.startDate))
		.all();
	return rows.filter((r) => r.expectedDate == null || r.startDate <= r.expectedDate);
}

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

export interface CheckOutInput {
	condition: ToolCondition;
	partsOut: string[];
	deposit: 'none' | 'taken' | 'waived';
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
		// Back at the desk: nobody needs to call about it being late any more.
		tx.update(tasks)
			.set({ doneAt: now, doneById: actorId, outcome: 'returned' })
			.where(and(like(tasks.dedupeKey, `loan-overdue:${loanId}:%`), isNull(tasks.doneAt)))
			.run();
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

function loadTool(d: DbOrTx, toolId: number) {
	const tool = d.select().from(tools).where(eq(tools.id, toolId)).get();
	if (!tool) throw new DeskError('desk_error_not_found');
	return tool;
}

function startRepair(
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
	reason: string | null,
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

/** Tools of the neighbourhood with their status, for the desk's overview. */
export function deskTools(d: DbOrTx, neighbourhoodId: number) {
	return d
		.select({
			id: tools.id,
			name: tools.name,
			assetTag: tools.assetTag,
			status: tools.status,
			// A tool on the shelf that someone booked is not simply free: its first booked day.
			bookedFrom: sql<
				string | null
			>`(select min(l.start_date) from loans l where l.tool_id = "tools"."id" and l.status = 'reserved')`
		})
		.from(tools)
		.where(eq(tools.neighbourhoodId, neighbourhoodId))
		.orderBy(asc(tools.assetTag))
		.all();
}
