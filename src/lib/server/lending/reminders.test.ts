import { describeTask } from '../tasks/describe';
import { beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { loans, outbox, tasks } from '../db/schema';
import { checkIn, checkOut } from './desk/hand-over';
import { backFromRepair } from './desk/repairs';
import { runLoanReminders } from './reminders';
import { cancelReservation, extendLoan, reserveTool } from './reservations';
import { DAY, makeLendingNeighbourhood, NOW, ORIGIN } from '../testing/lending';
import { joinWaitlist, waitingLine } from './waitlist';

let f: ReturnType<typeof makeLendingNeighbourhood>;
beforeEach(() => {
	f = makeLendingNeighbourhood();
});

/** The kinds of mail queued so far, oldest first. */
const mailKinds = () =>
	f.db
		.select({ kind: outbox.kind, to: outbox.toAddress })
		.from(outbox)
		.orderBy(asc(outbox.id))
		.all();

/** Noon in Brussels on a March 2026 day (UTC+1). */
const noon = (day: number) => Date.UTC(2026, 2, day, 11, 0);

describe('loan reminders', () => {
	it('go each exactly once, on their day, however often the job runs', () => {
		const maria = f.borrower({ email: 'maria@test.example' });
		const loan = reserveTool(
			f.db,
			{ toolId: f.drill, borrowerId: maria.id, startDate: '2026-03-17', endDate: '2026-03-19' },
			NOW,
			ORIGIN
		);
		const run = (at: number) => {
			runLoanReminders(f.db, at, ORIGIN);
			runLoanReminders(f.db, at + 60_000, ORIGIN);
			return mailKinds().map((m) => m.kind);
		};
		expect(run(noon(15))).toEqual(['loan_confirmation']);
		expect(run(noon(16))).toEqual(['loan_confirmation', 'loan_pickup_reminder']);
		checkOut(
			f.db,
			loan.id,
			maria.id,
			{ condition: 'good', partsOut: [], deposit: 'none' },
			noon(17)
		);
		expect(run(noon(17))).toEqual(['loan_confirmation', 'loan_pickup_reminder']);
		expect(run(noon(18))).toEqual([
			'loan_confirmation',
			'loan_pickup_reminder',
			'loan_return_reminder'
		]);
		expect(run(noon(19))).toHaveLength(3);
		// One day late: a kind mail, no task yet.
		expect(run(noon(20)).at(-1)).toBe('loan_overdue');
		expect(f.db.select().from(tasks).all()).toEqual([]);
		const overdue = f.db.select().from(outbox).where(eq(outbox.kind, 'loan_overdue')).get()!;
		expect(overdue.textBody).toContain('Je krijgt geen boete.');
		// Still not back a day later: the desk calls.
		run(noon(21));
		run(noon(24));
		const calls = f.db.select().from(tasks).all();
		expect(calls.map((t) => [t.kind, t.subjectUserId, t.neighbourhoodId])).toEqual([
			['loan_overdue_call', maria.id, f.hoodId]
		]);
		expect(JSON.parse(calls[0]!.details)).toMatchObject({ loanId: loan.id, endDate: '2026-03-19' });
		expect(mailKinds()).toHaveLength(4);
		const row = f.db.select().from(loans).where(eq(loans.id, loan.id)).get()!;
		expect([
			row.pickupReminderAt,
			row.returnReminderAt,
			row.overdueNoticeAt,
			row.overdueTaskAt
		]).toEqual([noon(16), noon(18), noon(20), noon(21)]);
		// Brought back: the call is no longer needed.
		checkIn(f.db, loan.id, maria.id, { condition: 'good', partsBack: [] }, noon(25), ORIGIN);
		expect(
			f.db
				.select()
				.from(tasks)
				.all()
				.map((t) => [t.doneAt, t.outcome])
		).toEqual([[noon(25), 'returned']]);
	});

	it('skip the pick-up reminder for a booking made the day before, and start again after an extension', () => {
		const maria = f.borrower();
		const loan = reserveTool(
			f.db,
			{ toolId: f.drill, borrowerId: maria.id, startDate: '2026-03-11', endDate: '2026-03-12' },
			NOW,
			ORIGIN
		);
		runLoanReminders(f.db, noon(10), ORIGIN);
		runLoanReminders(f.db, noon(11), ORIGIN);
		expect(mailKinds().map((m) => m.kind)).toEqual(['loan_confirmation']);
		checkOut(
			f.db,
			loan.id,
			maria.id,
			{ condition: 'good', partsOut: [], deposit: 'none' },
			noon(11)
		);
		runLoanReminders(f.db, noon(11), ORIGIN);
		expect(mailKinds().at(-1)!.kind).toBe('loan_return_reminder');
		extendLoan(f.db, loan.id, maria.id, '2026-03-17', noon(11));
		runLoanReminders(f.db, noon(13), ORIGIN);
		expect(mailKinds()).toHaveLength(2);
		runLoanReminders(f.db, noon(16), ORIGIN);
		expect(mailKinds().map((m) => m.kind)).toEqual([
			'loan_confirmation',
			'loan_return_reminder',
			'loan_return_reminder'
		]);
	});

	it('make a call task at once for someone without e-mail, and no second one', () => {
		const jan = f.borrower({ email: null, displayName: 'Jan' });
		const loan = reserveTool(
			f.db,
			{ toolId: f.drill, borrowerId: jan.id, startDate: '2026-03-10', endDate: '2026-03-11' },
			NOW,
			ORIGIN
		);
		checkOut(f.db, loan.id, jan.id, { condition: 'good', partsOut: [], deposit: 'none' }, NOW);
		runLoanReminders(f.db, noon(12), ORIGIN);
		runLoanReminders(f.db, noon(16), ORIGIN);
		expect(mailKinds()).toEqual([]);
		const calls = f.db.select().from(tasks).orderBy(asc(tasks.id)).all();
		expect(calls.map((t) => [t.kind, JSON.parse(t.details).mailKind])).toEqual([
			['call_resident', 'loan_confirmation'],
			['call_resident', 'loan_overdue']
		]);
	});

	it('for someone without e-mail read as a call in the language of the broker who reads it', () => {
		const jan = f.borrower({ email: null, displayName: 'Jan Peeters' });
		const loan = reserveTool(
			f.db,
			{ toolId: f.drill, borrowerId: jan.id, startDate: '2026-03-10', endDate: '2026-03-11' },
			NOW,
			ORIGIN
		);
		checkOut(f.db, loan.id, jan.id, { condition: 'good', partsOut: [], deposit: 'none' }, NOW);
		runLoanReminders(f.db, noon(12), ORIGIN);
		const overdue = f.db.select().from(tasks).orderBy(asc(tasks.id)).all().at(-1)!;
		const en = describeTask(overdue, 'Jan Peeters', 'en');
		const nl = describeTask(overdue, 'Jan Peeters', 'nl');
		expect(en.text).toMatch(/^Ask Jan to bring Boormachine back to /);
		expect(nl.text).toMatch(/^Vraag Jan om Boormachine terug te brengen naar /);
		expect(en.subject).not.toBe(nl.subject);
	});
});

/** A local time in Brussels on a March 2026 day, before summer time (UTC+1). */
const brussels = (day: number, hour: number, minute = 0) =>
	Date.UTC(2026, 2, day, hour - 1, minute);

describe('reminders in the daytime', () => {
	it('a reminder due at 02:00 is queued at 09:00, not before, and exactly once', () => {
		const maria = f.borrower({ email: 'maria@test.example' });
		// Booked at 02:00 at night: the confirmation of what she just did goes at once.
		reserveTool(
			f.db,
			{ toolId: f.drill, borrowerId: maria.id, startDate: '2026-03-17', endDate: '2026-03-19' },
			brussels(11, 2),
			ORIGIN
		);
		expect(mailKinds().map((m) => m.kind)).toEqual(['loan_confirmation']);
		// The pick-up reminder falls due on the 16th, the day before: at night it waits.
		for (const at of [
			brussels(16, 0, 5),
			brussels(16, 2),
			brussels(16, 8, 55),
			brussels(16, 8, 59)
		])
			expect(runLoanReminders(f.db, at, ORIGIN)).toBe(0);
		expect(mailKinds().map((m) => m.kind)).toEqual(['loan_confirmation']);
		expect(runLoanReminders(f.db, brussels(16, 9), ORIGIN)).toBe(1);
		for (const at of [brussels(16, 9, 5), brussels(16, 14), brussels(17, 9, 5)])
			runLoanReminders(f.db, at, ORIGIN);
		expect(mailKinds().map((m) => m.kind)).toEqual(['loan_confirmation', 'loan_pickup_reminder']);
		const pickup = f.db.select().from(outbox).where(eq(outbox.kind, 'loan_pickup_reminder')).get()!;
		expect(pickup.createdAt).toBe(brussels(16, 9));
		expect(pickup.nextAttemptAt).toBe(brussels(16, 9));
	});

	it('stop at 20:00 and take up what is due the next morning, so nothing is lost', () => {
		const maria = f.borrower({ email: 'maria@test.example' });
		const loan = reserveTool(
			f.db,
			{ toolId: f.drill, borrowerId: maria.id, startDate: '2026-03-10', endDate: '2026-03-12' },
			NOW,
			ORIGIN
		);
		checkOut(f.db, loan.id, maria.id, { condition: 'good', partsOut: [], deposit: 'none' }, NOW);
		// Overdue from the 13th: not at 20:00 or later that evening, nor at night.
		for (const at of [brussels(13, 20), brussels(13, 23, 30), brussels(14, 6)])
			runLoanReminders(f.db, at, ORIGIN);
		expect(mailKinds().map((m) => m.kind)).not.toContain('loan_overdue');
		for (const at of [brussels(14, 9), brussels(14, 9, 5), brussels(14, 19, 59)])
			runLoanReminders(f.db, at, ORIGIN);
		const overdue = f.db.select().from(outbox).where(eq(outbox.kind, 'loan_overdue')).all();
		expect(overdue.map((m) => m.createdAt)).toEqual([brussels(14, 9)]);
	});

	it('still make the call task at night: it waits on Today, it wakes nobody', () => {
		const maria = f.borrower({ email: 'maria@test.example' });
		const loan = reserveTool(
			f.db,
			{ toolId: f.drill, borrowerId: maria.id, startDate: '2026-03-10', endDate: '2026-03-11' },
			NOW,
			ORIGIN
		);
		checkOut(f.db, loan.id, maria.id, { condition: 'good', partsOut: [], deposit: 'none' }, NOW);
		runLoanReminders(f.db, brussels(12, 10), ORIGIN);
		runLoanReminders(f.db, brussels(13, 1), ORIGIN);
		expect(
			f.db
				.select()
				.from(tasks)
				.all()
				.map((t) => t.kind)
		).toEqual(['loan_overdue_call']);
	});
});

describe('the waiting list', () => {
	it('mails the first in line once when days come free, then the next', () => {
		const [a, b, c, d] = [1, 2, 3, 4].map((i) => f.borrower({ email: `p${i}@test.example` }));
		const first = reserveTool(
			f.db,
			{ toolId: f.drill, borrowerId: a!.id, startDate: '2026-03-11', endDate: '2026-03-13' },
			NOW,
			ORIGIN
		);
		joinWaitlist(f.db, f.drill, c!.id, NOW);
		joinWaitlist(f.db, f.drill, b!.id, NOW + 1000);
		joinWaitlist(f.db, f.drill, d!.id, NOW + 2000);
		expect(waitingLine(f.db, f.drill).map((w) => w.userId)).toEqual([c!.id, b!.id, d!.id]);
		cancelReservation(f.db, first.id, a!.id, 'borrower', NOW + 3000, ORIGIN);
		const told = () =>
			mailKinds()
				.filter((m) => m.kind === 'loan_waitlist_free')
				.map((m) => m.to);
		expect(told()).toEqual(['p3@test.example']);
		const mail = f.db.select().from(outbox).where(eq(outbox.kind, 'loan_waitlist_free')).get()!;
		expect(mail.textBody).toContain('Het is weer vrij vanaf dinsdag 10 maart 2026');
		// The next booking, its return, and the next in line hears it.
		const second = reserveTool(
			f.db,
			{ toolId: f.drill, borrowerId: c!.id, startDate: '2026-03-10', endDate: '2026-03-11' },
			NOW,
			ORIGIN
		);
		checkOut(f.db, second.id, c!.id, { condition: 'good', partsOut: [], deposit: 'none' }, NOW);
		checkIn(f.db, second.id, c!.id, { condition: 'good', partsBack: [] }, NOW + DAY, ORIGIN);
		expect(told()).toEqual(['p3@test.example', 'p2@test.example']);
		expect(waitingLine(f.db, f.drill).map((w) => w.userId)).toEqual([d!.id]);
	});

	it('is not for a tool nobody booked, tells nobody when the tool goes to repair, and tells the first in line when it is back', () => {
		const [a, b] = [f.borrower(), f.borrower()];
		expect(() => joinWaitlist(f.db, f.drill, b.id, NOW)).toThrow('lending_err_waitlist_free');
		const loan = reserveTool(
			f.db,
			{ toolId: f.drill, borrowerId: a.id, startDate: '2026-03-10', endDate: '2026-03-11' },
			NOW,
			ORIGIN
		);
		joinWaitlist(f.db, f.drill, b.id, NOW);
		checkOut(f.db, loan.id, a.id, { condition: 'good', partsOut: [], deposit: 'none' }, NOW);
		checkIn(
			f.db,
			loan.id,
			a.id,
			{ condition: 'worn', partsBack: [], toRepair: { note: 'Snoer', expectedDate: null } },
			NOW + DAY,
			ORIGIN
		);
		expect(mailKinds().filter((m) => m.kind === 'loan_waitlist_free')).toEqual([]);
		expect(waitingLine(f.db, f.drill)).toHaveLength(1);
		// Back from repair: now the first in line hears it.
		backFromRepair(f.db, f.drill, a.id, NOW + 2 * DAY, ORIGIN);
		expect(mailKinds().filter((m) => m.kind === 'loan_waitlist_free')).toHaveLength(1);
	});
});
