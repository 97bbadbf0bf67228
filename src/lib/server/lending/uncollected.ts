import { and, asc, eq, lt, lte } from 'drizzle-orm';
import { toolIsAway } from '$lib/lending/lists';
import type { DB, DbOrTx } from '../db/client';
import { loans, neighbourhoods, tools, users, type Loan } from '../db/schema';
import { recordAudit } from '../audit/audit';
import { isDaytime, localDate, shiftDate } from '../calendar';
import { DeskError } from './desk/errors';
import { mailLoan } from './loan-mails';
import { cancelReserved } from './reservations';
import { notifyWaitlist } from './waitlist';

/**
 * A reservation nobody came to pick up stays promised for the rest of its pick-up day and this
 * many whole days more. People are sometimes a day late (a missed bus, a bad day, a grandchild
 * who could not drive them), and the desk sees them on its home page during that day and can
 * call; one day is also the usual buffer between two loans, so the grace rarely keeps the tool
 * from the next borrower. Counted in calendar days in the neighbourhood's time zone, not opening
 * days, so the desk can say the rule in one sentence. A constant rather than a neighbourhood
 * setting: the pilot has one desk, and no one has asked for another number yet.
 */
export const UNCOLLECTED_GRACE_DAYS = 1;

/**
 * The local day on which a reservation not picked up is released. The reminder job does it on its
 * first run that day from 09:00 (see DAYTIME), so the borrower's and the waiting person's mails
 * arrive in the daytime rather than at midnight.
 */
export function releaseDate(startDate: string): string {
	return shiftDate(startDate, 1 + UNCOLLECTED_GRACE_DAYS);
}

/** A reservation whose pick-up day has passed without a check-out, as the desk sees it. */
export interface UncollectedRow {
	loanId: number;
	toolId: number;
	toolName: string;
	assetTag: string;
	borrowerId: string;
	borrowerName: string;
	borrowerPhone: string | null;
	startDate: string;
	endDate: string;
	releaseDate: string;
}

/** Reservations of a neighbourhood whose pick-up day was before `today`, oldest first. */
export function uncollectedReservations(
	d: DbOrTx,
	neighbourhoodId: number,
	today: string
): UncollectedRow[] {
	return d
		.select({
			loanId: loans.id,
			toolId: tools.id,
			toolName: tools.name,
			assetTag: tools.assetTag,
			borrowerId: users.id,
			borrowerName: users.displayName,
			borrowerPhone: users.phone,
			startDate: loans.startDate,
			endDate: loans.endDate
		})
		.from(loans)
		.innerJoin(tools, eq(tools.id, loans.toolId))
		.innerJoin(users, eq(users.id, loans.borrowerId))
		.where(
			and(
				eq(tools.neighbourhoodId, neighbourhoodId),
				eq(loans.status, 'reserved'),
				lt(loans.startDate, today)
			)
		)
		.orderBy(asc(loans.startDate), asc(loans.id))
		.all()
		.map((r) => ({ ...r, releaseDate: releaseDate(r.startDate) }));
}

/** Marks a reservation not collected, in the caller's transaction: frees its days, tells people. */
function markIn(tx: DbOrTx, loan: Loan, actorId: string | null, now: number, origin: string) {
	tx.update(loans)
		.set({ status: 'not_collected', cancelledAt: now })
		.where(eq(loans.id, loan.id))
		.run();
	const tool = tx.select().from(tools).where(eq(tools.id, loan.toolId)).get()!;
	recordAudit(
		tx,
		{
			actorId,
			action: 'loan.not_collected',
			subjectType: 'loan',
			subjectId: loan.id,
			neighbourhoodId: tool.neighbourhoodId,
			detail: { by: actorId ? 'desk' : 'job' }
		},
		now
	);
	mailLoan(tx, 'loan_not_collected', loan.id, now, origin);
	notifyWaitlist(tx, loan.toolId, now, origin);
}

/**
 * The desk marks a reservation as not collected by hand, from its pick-up day on (at closing
 * time, say, or after a phone call): the same as the job does after the grace period.
 */
export function markNotCollected(
	db: DB,
	loanId: number,
	actorId: string,
	now: number,
	origin: string
): void {
	db.transaction(
		(tx) => {
			const row = tx
				.select({ loan: loans, timeZone: neighbourhoods.timeZone })
				.from(loans)
				.innerJoin(tools, eq(tools.id, loans.toolId))
				.innerJoin(neighbourhoods, eq(neighbourhoods.id, tools.neighbourhoodId))
				.where(eq(loans.id, loanId))
				.get();
			if (!row) throw new DeskError('desk_error_not_found');
			if (row.loan.status !== 'reserved') throw new DeskError('desk_error_not_reserved');
			if (localDate(now, row.timeZone) < row.loan.startDate)
				throw new DeskError('desk_error_pickup_not_yet');
			markIn(tx, row.loan, actorId, now, origin);
		},
		{ behavior: 'immediate' }
	);
}

/**
 * Whether the tool was not there to be picked up: out of service, or still with an earlier
 * borrower who is late. Then nobody failed to come, and the reservation is cancelled instead.
 */
function toolWasAway(tx: DbOrTx, loan: Loan): boolean {
	const tool = tx
		.select({ status: tools.status })
		.from(tools)
		.where(eq(tools.id, loan.toolId))
		.get();
	if (!tool || toolIsAway(tool.status)) return true;
	const earlier = tx
		.select({ id: loans.id })
		.from(loans)
		.where(
			and(
				eq(loans.toolId, loan.toolId),
				eq(loans.status, 'on_loan'),
				lte(loans.startDate, loan.startDate)
			)
		)
		.get();
	return !!earlier;
}

/**
 * The reminder job's first step: reservations whose grace has run out (see releaseDate) are
 * marked not collected, in the daytime of their neighbourhood. Their days are free at once, the
 * borrower gets a kind mail (someone without e-mail: a call task) and the first on the waiting
 * list hears it is free. When the tool itself was away, the reservation is cancelled with the
 * reason "tool unavailable" instead. Each loan in its own IMMEDIATE transaction, guarded by "still
 * reserved", so a second worker or a desk action at the same moment cannot do it twice.
 */
export function releaseUncollected(db: DB, now: number, origin: string): number {
	const candidates = db
		.select({ id: loans.id, startDate: loans.startDate, timeZone: neighbourhoods.timeZone })
		.from(loans)
		.innerJoin(tools, eq(tools.id, loans.toolId))
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, tools.neighbourhoodId))
		// No time zone is a whole day away from UTC: this only narrows the rows read.
		.where(and(eq(loans.status, 'reserved'), lt(loans.startDate, localDate(now, 'UTC'))))
		.all()
		.filter(
			(c) => localDate(now, c.timeZone) >= releaseDate(c.startDate) && isDaytime(now, c.timeZone)
		);
	let done = 0;
	for (const c of candidates) {
		db.transaction(
			(tx) => {
				const loan = tx.select().from(loans).where(eq(loans.id, c.id)).get();
				if (!loan || loan.status !== 'reserved') return;
				done++;
				if (toolWasAway(tx, loan)) cancelReserved(tx, loan, null, 'tool_unavailable', now, origin);
				else markIn(tx, loan, null, now, origin);
			},
			{ behavior: 'immediate' }
		);
	}
	return done;
}
