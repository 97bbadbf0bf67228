import { and, count, eq, inArray } from 'drizzle-orm';
import type { DeskCancelReason } from '$lib/lending/lists';
import { toolIsAway } from '$lib/lending/lists';
import type { DB, DbOrTx } from '../db/client';
import { loans, matches, tools, toolWaitlist, type Loan } from '../db/schema';
import { recordAudit } from '../audit/audit';
import { currentAcceptance } from './agreements';
import {
	activeBookings,
	BOOKING_HORIZON_DAYS,
	findClash,
	isOpenOn,
	lengthOf,
	nextFreeStart,
	toolRules,
	type ToolRules
} from './availability';
import { isDate, localDate, shiftDate } from '../calendar';
import { mailLoan } from './loan-mails';
import { notifyWaitlist } from './waitlist';

export type ReservationField = 'startDate' | 'endDate' | 'form';

/** An expected refusal: a message key, the field it belongs beside, and what the message needs. */
export class ReservationError extends Error {
	constructor(
		public code: string,
		public field: ReservationField = 'form',
		public params: Record<string, string | number> = {}
	) {
		super(code);
	}
}

function rulesOf(tx: DbOrTx, toolId: number): ToolRules {
	const rules = toolRules(tx, toolId);
	if (!rules) throw new ReservationError('lending_err_not_found');
	if (toolIsAway(rules.status)) throw new ReservationError('lending_err_tool_unavailable');
	return rules;
}

/** The dates themselves: real dates, in order, not past, on opening days, not too long. */
function checkDates(rules: ToolRules, today: string, startDate: string, endDate: string): void {
	if (!isDate(startDate)) throw new ReservationError('lending_err_date', 'startDate');
	if (!isDate(endDate)) throw new ReservationError('lending_err_date', 'endDate');
	if (startDate < today) throw new ReservationError('lending_err_start_past', 'startDate');
	if (startDate > shiftDate(today, BOOKING_HORIZON_DAYS))
		throw new ReservationError('lending_err_start_far', 'startDate', {
			days: BOOKING_HORIZON_DAYS
		});
	if (endDate < startDate) throw new ReservationError('lending_err_end_before_start', 'endDate');
	if (lengthOf(startDate, endDate) > rules.loanDaysMax)
		throw new ReservationError('lending_err_too_long', 'endDate', { max: rules.loanDaysMax });
	if (!isOpenOn(rules, startDate)) throw new ReservationError('lending_err_closed', 'startDate');
	if (!isOpenOn(rules, endDate)) throw new ReservationError('lending_err_closed', 'endDate');
}

/** Reservations and loans not yet back of one borrower, for tools of one neighbourhood. */
export function activeCount(d: DbOrTx, borrowerId: string, neighbourhoodId: number): number {
	return (
		d
			.select({ n: count() })
			.from(loans)
			.innerJoin(tools, eq(tools.id, loans.toolId))
			.where(
				and(
					eq(loans.borrowerId, borrowerId),
					eq(tools.neighbourhoodId, neighbourhoodId),
					inArray(loans.status, ['reserved', 'on_loan'])
				)
			)
			.get()?.n ?? 0
	);
}

export interface ReserveInput {
	toolId: number;
	borrowerId: string;
	startDate: string;
	endDate: string;
	/** Someone at the desk or a broker who books it for the borrower. */
	bookedById?: string | null;
	/** The match the borrower (its helper) needs the tool for. */
	matchId?: number | null;
}

/**
 * Reserves a tool. Runs in an IMMEDIATE transaction: the write lock is taken before the
 * overlap check, so two people (or processes) booking the same days at once cannot both pass it.
 * Refuses a tool out of service, dates outside the rules, a borrower at their limit or without
 * the current agreement, and any overlap with another booking including the buffer days (then
 * the error carries the next free date). Queues the confirmation mail in the same transaction.
 */
export function reserveTool(db: DB, input: ReserveInput, now: number, origin: string): Loan {
	return db.transaction(
		(tx) => {
			const rules = rulesOf(tx, input.toolId);
			const today = localDate(now, rules.timeZone);
			checkDates(rules, today, input.startDate, input.endDate);
			const acceptance = currentAcceptance(tx, input.borrowerId, rules.neighbourhoodId);
			if (!acceptance) throw new ReservationError('lending_err_agreement_needed');
			if (input.matchId != null) {
				const match = tx.select().from(matches).where(eq(matches.id, input.matchId)).get();
				if (!match || match.status !== 'active' || match.helperId !== input.borrowerId)
					throw new ReservationError('lending_err_match');
			}
			if (activeCount(tx, input.borrowerId, rules.neighbourhoodId) >= rules.maxActive)
				throw new ReservationError('lending_err_limit', 'form', { max: rules.maxActive });
			const bookings = activeBookings(tx, input.toolId, today);
			if (findClash(bookings, input.startDate, input.endDate, rules.bufferDays)) {
				const length = lengthOf(input.startDate, input.endDate);
				const next = nextFreeStart(rules, bookings, input.startDate, length);
				throw next
					? new ReservationError('lending_err_clash', 'startDate', { date: next })
					: new ReservationError('lending_err_clash_none', 'startDate');
			}
			const loan = tx
				.insert(loans)
				.values({
					toolId: input.toolId,
					borrowerId: input.borrowerId,
					bookedById: input.bookedById ?? null,
					matchId: input.matchId ?? null,
					agreementAcceptanceId: acceptance.id,
					startDate: input.startDate,
					endDate: input.endDate,
					createdAt: now
				})
				.returning()
				.all()[0]!;
			// Who booked is on the waiting list no more.
			tx.delete(toolWaitlist)
				.where(
					and(eq(toolWaitlist.toolId, input.toolId), eq(toolWaitlist.userId, input.borrowerId))
				)
				.run();
			recordAudit(
				tx,
				{
					actorId: input.bookedById ?? input.borrowerId,
					action: 'loan.reserve',
					subjectType: 'loan',
					subjectId: loan.id,
					neighbourhoodId: rules.neighbourhoodId,
					detail: { toolId: input.toolId, onBehalf: !!input.bookedById, match: !!input.matchId }
				},
				now
			);
			mailLoan(tx, 'loan_confirmation', loan.id, now, origin);
			return loan;
		},
		{ behavior: 'immediate' }
	);
}

function loadActive(tx: DbOrTx, loanId: number): Loan {
	const loan = tx.select().from(loans).where(eq(loans.id, loanId)).get();
	if (!loan) throw new ReservationError('lending_err_not_found');
	if (loan.status !== 'reserved' && loan.status !== 'on_loan')
		throw new ReservationError('lending_err_not_active');
	return loan;
}

/**
 * Gives a reservation or loan a later end date, under the same rule as booking it (IMMEDIATE
 * transaction, no overlap including buffers, within the maximum period, on an opening day).
 * The return reminders are due again for the new date.
 */
export function extendLoan(
	db: DB,
	loanId: number,
	actorId: string,
	endDate: string,
	now: number
): Loan {
	return db.transaction(
		(tx) => {
			const loan = loadActive(tx, loanId);
			const rules = toolRules(tx, loan.toolId)!;
			if (loan.status === 'reserved' && toolIsAway(rules.status))
				throw new ReservationError('lending_err_tool_unavailable');
			const today = localDate(now, rules.timeZone);
			if (!isDate(endDate)) throw new ReservationError('lending_err_date', 'endDate');
			if (endDate <= loan.endDate || endDate < today)
				throw new ReservationError('lending_err_extend_later', 'endDate');
			if (lengthOf(loan.startDate, endDate) > rules.loanDaysMax)
				throw new ReservationError('lending_err_too_long', 'endDate', { max: rules.loanDaysMax });
			if (!isOpenOn(rules, endDate)) throw new ReservationError('lending_err_closed', 'endDate');
			const others = activeBookings(tx, loan.toolId, today, loan.id);
			const clash = findClash(others, loan.startDate, endDate, rules.bufferDays);
			if (clash) {
				const latest = shiftDate(clash.startDate, -rules.bufferDays - 1);
				throw new ReservationError('lending_err_extend_clash', 'endDate', { date: latest });
			}
			const updated = tx
				.update(loans)
				.set({
					endDate,
					extendedTimes: loan.extendedTimes + 1,
					returnReminderAt: null,
					overdueNoticeAt: null,
					overdueTaskAt: null
				})
				.where(eq(loans.id, loan.id))
				.returning()
				.all()[0]!;
			recordAudit(
				tx,
				{
					actorId,
					action: 'loan.extend',
					subjectType: 'loan',
					subjectId: loan.id,
					neighbourhoodId: rules.neighbourhoodId,
					detail: { from: loan.endDate, to: endDate }
				},
				now
			);
			return updated;
		},
		{ behavior: 'immediate' }
	);
}

/** Who cancels: the borrower themselves (on /loans), or the desk or the job with a reason. */
export type CancelReason = 'borrower' | DeskCancelReason;

/**
 * Cancels a reservation that was not picked up yet: by the borrower, or by the desk (someone
 * phoned) with a reason from a fixed list. The days are free at once and the first on the tool's
 * waiting list hears it; when it was not the borrower, they get a kind mail saying so and why.
 */
export function cancelReservation(
	db: DB,
	loanId: number,
	actorId: string,
	reason: CancelReason,
	now: number,
	origin: string
): void {
	db.transaction(
		(tx) => {
			const loan = loadActive(tx, loanId);
			if (loan.status !== 'reserved') throw new ReservationError('lending_err_not_reserved');
			cancelReserved(tx, loan, actorId, reason, now, origin);
		},
		{ behavior: 'immediate' }
	);
}

/**
 * The work of cancelReservation inside the caller's transaction, for a loan it has just read as
 * reserved. `actorId` is null when the reminder job cancels (a tool that could not be lent).
 */
export function cancelReserved(
	tx: DbOrTx,
	loan: Loan,
	actorId: string | null,
	reason: CancelReason,
	now: number,
	origin: string
): void {
	tx.update(loans)
		.set({ status: 'cancelled', cancelledAt: now, cancelReason: reason })
		.where(eq(loans.id, loan.id))
		.run();
	const rules = toolRules(tx, loan.toolId)!;
	recordAudit(
		tx,
		{
			actorId,
			action: 'loan.cancel',
			subjectType: 'loan',
			subjectId: loan.id,
			neighbourhoodId: rules.neighbourhoodId,
			detail: { reason }
		},
		now
	);
	// The borrower who cancels sees it on the page; anyone else's cancelling they hear by mail.
	if (reason !== 'borrower') mailLoan(tx, 'loan_cancelled', loan.id, now, origin, { reason });
	notifyWaitlist(tx, loan.toolId, now, origin);
}
