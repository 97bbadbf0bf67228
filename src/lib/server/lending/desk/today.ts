import { and, asc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { localDate } from '../../calendar';
import { neighbourhoodSettings } from '../../neighbourhoods/settings';
import { loans, matches, posts, toolRepairs, tools, users } from '../../db/schema';

/** Today's local date "YYYY-MM-DD" in the neighbourhood's time zone. */
export function localToday(d: DbOrTx, neighbourhoodId: number, now: number): string {
	return localDate(now, neighbourhoodSettings(d, neighbourhoodId).timeZone);
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
