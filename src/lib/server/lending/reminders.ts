import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DB, DbOrTx } from '../db/client';
import { loans, neighbourhoods, tools, users } from '../db/schema';
import { createTask } from '../tasks/tasks';
import { isDaytime, localDate, shiftDate } from '../calendar';
import { mailLoan } from './loan-mails';
import { releaseUncollected } from './uncollected';

/**
 * The reminder job's steps. Each has its bookkeeping column on the loan, set in the same
 * IMMEDIATE transaction that queues the mail, guarded by "still empty": so every reminder goes
 * exactly once, even when two workers or a restart run the job at the same time.
 *
 * - pick-up: the day before the first day (or on it, if the job was down), unless the booking
 *   was made that late: the confirmation just said it all;
 * - return: the day before the last day (or on it);
 * - overdue: one day after the last day, a kind mail (a reason to check on someone, no fine);
 * - call: one more day without the tool back, a task on Today for the desk or broker to call.
 *   Someone without e-mail already got a call task from the overdue mail (the outbox makes it).
 *
 * The steps that mail (pick-up, return, overdue) are only taken in the daytime: see DAYTIME.
 */
type Step = 'pickup' | 'return' | 'overdue' | 'call';

interface Candidate {
	id: number;
	startDate: string;
	endDate: string;
	createdAt: number;
	timeZone: string;
	neighbourhoodId: number;
	borrowerId: string;
	hasEmail: boolean;
	toolName: string;
}

function candidates(db: DbOrTx, step: Step): Candidate[] {
	const where = {
		pickup: and(eq(loans.status, 'reserved'), isNull(loans.pickupReminderAt)),
		return: and(eq(loans.status, 'on_loan'), isNull(loans.returnReminderAt)),
		overdue: and(eq(loans.status, 'on_loan'), isNull(loans.overdueNoticeAt)),
		call: and(
			eq(loans.status, 'on_loan'),
			isNotNull(loans.overdueNoticeAt),
			isNull(loans.overdueTaskAt)
		)
	}[step];
	return db
		.select({
			id: loans.id,
			startDate: loans.startDate,
			endDate: loans.endDate,
			createdAt: loans.createdAt,
			timeZone: neighbourhoods.timeZone,
			neighbourhoodId: neighbourhoods.id,
			borrowerId: loans.borrowerId,
			email: users.email,
			toolName: tools.name
		})
		.from(loans)
		.innerJoin(tools, eq(tools.id, loans.toolId))
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, tools.neighbourhoodId))
		.innerJoin(users, eq(users.id, loans.borrowerId))
		.where(where)
		.all()
		.map(({ email, ...c }) => ({ ...c, hasEmail: !!email }));
}

/** Whether a step is due for a loan on a local day. */
export function isDue(step: Step, c: Candidate, today: string): boolean {
	switch (step) {
		case 'pickup':
			return (
				today >= shiftDate(c.startDate, -1) &&
				today <= c.startDate &&
				localDate(c.createdAt, c.timeZone) < shiftDate(c.startDate, -1)
			);
		case 'return':
			return today >= shiftDate(c.endDate, -1) && today <= c.endDate;
		case 'overdue':
			return today >= shiftDate(c.endDate, 1);
		case 'call':
			return today >= shiftDate(c.endDate, 2);
	}
}

/** Per step: the loan's bookkeeping column (as a field and a column), and the mail it sends. */
const STEPS = {
	pickup: {
		field: 'pickupReminderAt',
		column: loans.pickupReminderAt,
		mail: 'loan_pickup_reminder'
	},
	return: {
		field: 'returnReminderAt',
		column: loans.returnReminderAt,
		mail: 'loan_return_reminder'
	},
	overdue: { field: 'overdueNoticeAt', column: loans.overdueNoticeAt, mail: 'loan_overdue' },
	call: { field: 'overdueTaskAt', column: loans.overdueTaskAt, mail: null }
} as const;

function runStep(db: DB, step: Step, now: number, origin: string): number {
	const { field, column, mail } = STEPS[step];
	let done = 0;
	for (const c of candidates(db, step)) {
		if (!isDue(step, c, localDate(now, c.timeZone))) continue;
		// A call task is no mail: it may wait on Today overnight.
		if (mail && !isDaytime(now, c.timeZone)) continue;
		db.transaction(
			(tx) => {
				const claimed = tx
					.update(loans)
					.set({ [field]: now })
					.where(
						and(
							eq(loans.id, c.id),
							isNull(column),
							eq(loans.status, step === 'pickup' ? 'reserved' : 'on_loan'),
							// The loan may have been extended or picked up since it was read.
							eq(loans.endDate, c.endDate)
						)
					)
					.run();
				if (claimed.changes !== 1) return;
				done++;
				if (mail) {
					mailLoan(tx, mail, c.id, now, origin);
					return;
				}
				// Without e-mail the overdue "mail" already was a call task.
				if (!c.hasEmail) return;
				createTask(
					tx,
					{
						neighbourhoodId: c.neighbourhoodId,
						kind: 'loan_overdue_call',
						subjectUserId: c.borrowerId,
						dedupeKey: `loan-overdue:${c.id}:${c.endDate}`,
						// Words are chosen when the task is shown, in the reader's language.
						details: { loanId: c.id, tool: c.toolName, endDate: c.endDate }
					},
					now
				);
			},
			{ behavior: 'immediate' }
		);
	}
	return done;
}

/**
 * The lending reminder job: reservations nobody picked up are released (see uncollected.ts), then
 * pick-up and return reminders, overdue mails, and call tasks.
 */
export function runLoanReminders(db: DB, now: number, origin: string): number {
	return (['pickup', 'return', 'overdue', 'call'] as const).reduce(
		(n, step) => n + runStep(db, step, now, origin),
		releaseUncollected(db, now, origin)
	);
}
