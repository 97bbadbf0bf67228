import { beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { insertTestUser } from '../db/test-db';
import { auditLog, loans, neighbourhoods, outbox, tasks } from '../db/schema';
import { DeskError } from './desk/errors';
import { checkOut } from './desk/hand-over';
import { markInRepair } from './desk/repairs';
import { deskToday } from './desk/today';
import { runLoanReminders } from './reminders';
import { activeCount, ReservationError, reserveTool } from './reservations';
import { makeLendingNeighbourhood, NOW, ORIGIN } from '../testing/lending';
import { markNotCollected, uncollectedReservations } from './uncollected';
import { joinWaitlist } from './waitlist';

let f: ReturnType<typeof makeLendingNeighbourhood>;
beforeEach(() => {
	f = makeLendingNeighbourhood();
});

/** A local time in Brussels on a March 2026 day before the 29th (UTC+1). */
const brussels = (day: number, hour: number, minute = 0) =>
	Date.UTC(2026, 2, day, hour - 1, minute);

const reserve = (borrowerId: string, startDate: string, endDate: string, toolId = f.drill) =>
	reserveTool(f.db, { toolId, borrowerId, startDate, endDate }, NOW, ORIGIN);

const loanRow = (id: number) => f.db.select().from(loans).where(eq(loans.id, id)).get()!;

const mails = () =>
	f.db
		.select({ kind: outbox.kind, to: outbox.toAddress, text: outbox.textBody })
		.from(outbox)
		.orderBy(asc(outbox.id))
		.all();

const kinds = () => mails().map((m) => m.kind);

describe('a reservation nobody picks up', () => {
	it('shows on the desk after its pick-up day and is released at 09:00 on the day after that, once', () => {
		const maria = f.borrower({ email: 'maria@test.example', displayName: 'Maria Peeters' });
		// Wednesday 11 March; nobody comes.
		const loan = reserve(maria.id, '2026-03-11', '2026-03-12');
		// On the pick-up day it is one of today's pick-ups, not yet "not picked up".
		expect(deskToday(f.db, f.hoodId, brussels(11, 15)).pickups.map((r) => r.loanId)).toEqual([
			loan.id
		]);
		expect(uncollectedReservations(f.db, f.hoodId, '2026-03-11')).toEqual([]);
		// The day after: among the reservations not picked up, with its release day.
		expect(deskToday(f.db, f.hoodId, brussels(12, 10)).pickups).toEqual([]);
		expect(uncollectedReservations(f.db, f.hoodId, '2026-03-12')).toMatchObject([
			{ loanId: loan.id, borrowerName: 'Maria Peeters', releaseDate: '2026-03-13' }
		]);
		// The grace runs to the end of the 12th; the job then waits for the daytime.
		for (const at of [
			brussels(12, 10),
			brussels(12, 23, 59),
			brussels(13, 0, 30),
			brussels(13, 8, 59)
		])
			runLoanReminders(f.db, at, ORIGIN);
		expect(loanRow(loan.id).status).toBe('reserved');
		expect(runLoanReminders(f.db, brussels(13, 9), ORIGIN)).toBe(1);
		expect(loanRow(loan.id)).toMatchObject({
			status: 'not_collected',
			cancelledAt: brussels(13, 9)
		});
		expect(runLoanReminders(f.db, brussels(13, 9, 5), ORIGIN)).toBe(0);
		expect(kinds()).toEqual(['loan_confirmation', 'loan_not_collected']);
		const mail = mails()[1]!;
		expect(mail.to).toBe('maria@test.example');
		expect(mail.text).toContain('om op te halen op woensdag 11 maart 2026');
		expect(mail.text).toContain('Je krijgt geen boete.');
		expect(mail.text).toContain(`${ORIGIN}/tools/${f.drill}`);
		expect(uncollectedReservations(f.db, f.hoodId, '2026-03-13')).toEqual([]);
		const audit = f.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'loan.not_collected'))
			.all();
		expect(audit.map((a) => [a.actorId, a.subjectId, JSON.parse(a.detail)])).toEqual([
			[null, String(loan.id), { by: 'job' }]
		]);
	});

	it('counts the days in the neighbourhood’s own time zone, summer time included', () => {
		const maria = f.borrower();
		// Friday 27 March; the 29th is the day Brussels moves to UTC+2: 09:00 is 07:00 UTC.
		const loan = reserve(maria.id, '2026-03-27', '2026-03-27');
		runLoanReminders(f.db, Date.UTC(2026, 2, 29, 6, 59), ORIGIN);
		expect(loanRow(loan.id).status).toBe('reserved');
		runLoanReminders(f.db, Date.UTC(2026, 2, 29, 7, 0), ORIGIN);
		expect(loanRow(loan.id).status).toBe('not_collected');
	});

	it('waits for 09:00 where the neighbourhood is, not where the server is', () => {
		f.db.update(neighbourhoods).set({ timeZone: 'America/New_York' }).run();
		const maria = f.borrower();
		const loan = reserve(maria.id, '2026-03-11', '2026-03-11');
		// 13 March 09:00 in New York (UTC-4 since 8 March) is 13:00 UTC.
		runLoanReminders(f.db, Date.UTC(2026, 2, 13, 12, 59), ORIGIN);
		expect(loanRow(loan.id).status).toBe('reserved');
		runLoanReminders(f.db, Date.UTC(2026, 2, 13, 13, 0), ORIGIN);
		expect(loanRow(loan.id).status).toBe('not_collected');
	});

	it('frees its days, tells the first on the waiting list, and lifts the borrower’s limit', () => {
		const maria = f.borrower({ email: 'maria@test.example' });
		const [jozef, sofie] = [
			f.borrower({ email: 'jozef@test.example' }),
			f.borrower({ email: 'sofie@test.example' })
		];
		const ladder = f.addTool('T-2');
		const loan = reserve(maria.id, '2026-03-11', '2026-03-17');
		reserve(maria.id, '2026-03-11', '2026-03-12', ladder);
		expect(activeCount(f.db, maria.id, f.hoodId)).toBe(2);
		joinWaitlist(f.db, f.drill, sofie.id, NOW);
		joinWaitlist(f.db, f.drill, jozef.id, NOW + 1000);
		// Before the release the drill is promised until the 17th.
		expect(() =>
			reserveTool(
				f.db,
				{ toolId: f.drill, borrowerId: jozef.id, startDate: '2026-03-16', endDate: '2026-03-16' },
				brussels(13, 8),
				ORIGIN
			)
		).toThrow(ReservationError);
		runLoanReminders(f.db, brussels(13, 9), ORIGIN);
		expect(loanRow(loan.id).status).toBe('not_collected');
		const told = mails().filter((m) => m.kind === 'loan_waitlist_free');
		expect(told.map((m) => m.to)).toEqual(['sofie@test.example']);
		expect(told[0]!.text).toContain('Het is weer vrij vanaf vrijdag 13 maart 2026');
		// The ladder was not picked up either: both are released, her limit is free again.
		expect(activeCount(f.db, maria.id, f.hoodId)).toBe(0);
		const again = reserveTool(
			f.db,
			{ toolId: f.drill, borrowerId: jozef.id, startDate: '2026-03-16', endDate: '2026-03-16' },
			brussels(13, 10),
			ORIGIN
		);
		expect(again.status).toBe('reserved');
	});

	it('is left alone when it was picked up late, during the grace day', () => {
		const maria = f.borrower();
		const loan = reserve(maria.id, '2026-03-11', '2026-03-13');
		checkOut(
			f.db,
			loan.id,
			maria.id,
			{ condition: 'good', partsOut: [], deposit: 'none' },
			brussels(12, 10)
		);
		runLoanReminders(f.db, brussels(13, 9), ORIGIN);
		expect(loanRow(loan.id).status).toBe('on_loan');
		expect(kinds()).not.toContain('loan_not_collected');
	});

	it('becomes a call task for a borrower without e-mail', () => {
		const jan = f.borrower({ email: null, displayName: 'Jan' });
		reserve(jan.id, '2026-03-11', '2026-03-11');
		runLoanReminders(f.db, brussels(13, 9), ORIGIN);
		expect(kinds()).toEqual([]);
		const calls = f.db.select().from(tasks).orderBy(asc(tasks.id)).all();
		expect(calls.map((t) => [t.kind, t.subjectUserId, JSON.parse(t.details).mailKind])).toEqual([
			['call_resident', jan.id, 'loan_confirmation'],
			['call_resident', jan.id, 'loan_not_collected']
		]);
	});

	it('is cancelled as "tool unavailable" instead when the tool was in repair: nobody failed to come', () => {
		const maria = f.borrower({ email: 'maria@test.example' });
		const loan = reserve(maria.id, '2026-03-11', '2026-03-12');
		markInRepair(f.db, f.drill, maria.id, { note: 'Snoer', expectedDate: null }, NOW);
		runLoanReminders(f.db, brussels(13, 9), ORIGIN);
		expect(loanRow(loan.id)).toMatchObject({
			status: 'cancelled',
			cancelReason: 'tool_unavailable'
		});
		expect(kinds()).toEqual(['loan_confirmation', 'loan_cancelled']);
		expect(mails()[1]!.text).toContain('Het toestel kan op die dagen niet uitgeleend worden');
	});

	it('is cancelled as "tool unavailable" when the tool was still out with a late borrower', () => {
		const [a, b] = [f.borrower(), f.borrower()];
		const first = reserve(a.id, '2026-03-10', '2026-03-10');
		checkOut(f.db, first.id, a.id, { condition: 'good', partsOut: [], deposit: 'none' }, NOW);
		const second = reserve(b.id, '2026-03-12', '2026-03-12');
		runLoanReminders(f.db, brussels(14, 9), ORIGIN);
		expect(loanRow(second.id)).toMatchObject({
			status: 'cancelled',
			cancelReason: 'tool_unavailable'
		});
		expect(loanRow(first.id).status).toBe('on_loan');
	});
});

describe('the desk marks a reservation not picked up by hand', () => {
	it('from its pick-up day on: the days come free, the borrower is told, the desk is logged', () => {
		const desk = insertTestUser(f.db, { neighbourhoodId: f.hoodId });
		const maria = f.borrower({ email: 'maria@test.example' });
		const jozef = f.borrower({ email: 'jozef@test.example' });
		const loan = reserve(maria.id, '2026-03-11', '2026-03-12');
		joinWaitlist(f.db, f.drill, jozef.id, NOW);
		const code = (fn: () => void) => {
			try {
				fn();
			} catch (e) {
				if (e instanceof DeskError) return e.code;
				throw e;
			}
			return 'done';
		};
		// The day before its pick-up day: too early (cancel it instead).
		expect(code(() => markNotCollected(f.db, loan.id, desk.id, brussels(10, 16), ORIGIN))).toBe(
			'desk_error_pickup_not_yet'
		);
		// At closing time on the pick-up day.
		expect(code(() => markNotCollected(f.db, loan.id, desk.id, brussels(11, 12, 30), ORIGIN))).toBe(
			'done'
		);
		expect(loanRow(loan.id).status).toBe('not_collected');
		expect(mails().map((m) => [m.kind, m.to])).toEqual([
			['loan_confirmation', 'maria@test.example'],
			['loan_not_collected', 'maria@test.example'],
			['loan_waitlist_free', 'jozef@test.example']
		]);
		const audit = f.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'loan.not_collected'))
			.get()!;
		expect([audit.actorId, JSON.parse(audit.detail)]).toEqual([desk.id, { by: 'desk' }]);
		// Once is enough; the job finds nothing left to do.
		expect(code(() => markNotCollected(f.db, loan.id, desk.id, brussels(11, 12, 31), ORIGIN))).toBe(
			'desk_error_not_reserved'
		);
		expect(runLoanReminders(f.db, brussels(13, 9), ORIGIN)).toBe(0);
	});
});
