import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { asc } from 'drizzle-orm';
import { insertTestUser } from '../db/test-db';
import { agreementAcceptances, auditLog, loans, outbox, tasks, tools } from '../db/schema';
import { acceptAgreement, currentAcceptance } from './agreements';
import { checkIn, checkOut } from './desk/hand-over';
import { cancelReservation, extendLoan, ReservationError, reserveTool } from './reservations';
import { makeLendingNeighbourhood, NOW, ORIGIN } from '../testing/lending';
import { joinWaitlist } from './waitlist';
import { describeTask } from '../tasks/describe';

let f: ReturnType<typeof makeLendingNeighbourhood>;
beforeEach(() => {
	f = makeLendingNeighbourhood();
});

function refusal(fn: () => unknown): ReservationError {
	try {
		fn();
	} catch (e) {
		if (e instanceof ReservationError) return e;
		throw e;
	}
	throw new Error('expected a refusal');
}

const reserve = (borrowerId: string, startDate: string, endDate: string, toolId = f.drill) =>
	reserveTool(f.db, { toolId, borrowerId, startDate, endDate }, NOW, ORIGIN);

describe('the borrower agreement', () => {
	it('is needed before a reservation, stored with its version, and asked again for a new one', () => {
		const { db } = f;
		const stranger = f.borrower();
		const newcomer = f.borrower();
		// The newcomer's online acceptance of version 1 is on record…
		expect(currentAcceptance(db, newcomer.id, f.hoodId)?.method).toBe('online');
		const v2 = f.newVersion();
		// …but version 2 needs a new "I agree".
		expect(currentAcceptance(db, newcomer.id, f.hoodId)).toBeNull();
		expect(refusal(() => reserve(newcomer.id, '2026-03-11', '2026-03-12')).code).toBe(
			'lending_err_agreement_needed'
		);
		const id = acceptAgreement(
			db,
			{ userId: stranger.id, agreementId: v2, method: 'read_aloud', recordedById: newcomer.id },
			NOW
		);
		const row = db
			.select()
			.from(agreementAcceptances)
			.where(eq(agreementAcceptances.id, id))
			.get()!;
		expect([row.agreementId, row.method, row.recordedById]).toEqual([
			v2,
			'read_aloud',
			newcomer.id
		]);
		const loan = reserve(stranger.id, '2026-03-11', '2026-03-12');
		expect(loan.agreementAcceptanceId).toBe(id);
	});
});

describe('reserving', () => {
	it('books free days and queues a confirmation with the pick-up place and its hours', () => {
		const maria = f.borrower({ displayName: 'Maria Peeters', email: 'maria@test.example' });
		const loan = reserve(maria.id, '2026-03-17', '2026-03-19');
		expect(loan.status).toBe('reserved');
		const mail = f.db.select().from(outbox).where(eq(outbox.kind, 'loan_confirmation')).get()!;
		expect(mail.toAddress).toBe('maria@test.example');
		expect(mail.subject).toBe('Je reservatie: Boormachine');
		expect(mail.textBody).toContain('van dinsdag 17 maart 2026 tot en met donderdag 19 maart 2026');
		expect(mail.textBody).toContain('Dienstencentrum, Plein 1. Open: maandag 09:00 tot 12:00');
	});

	it('refuses any overlap, including the buffer day, and names the next free date', () => {
		const a = f.borrower();
		const b = f.borrower();
		reserve(a.id, '2026-03-17', '2026-03-19'); // Tue–Thu
		for (const [from, to] of [
			['2026-03-18', '2026-03-18'], // inside
			['2026-03-13', '2026-03-17'], // ends on its first day
			['2026-03-19', '2026-03-20'], // starts on its last day
			['2026-03-20', '2026-03-20'], // the buffer day after it
			['2026-03-16', '2026-03-16'] // the buffer day before it
		]) {
			const e = refusal(() => reserve(b.id, from!, to!));
			expect([from, e.code, e.field]).toEqual([from, 'lending_err_clash', 'startDate']);
		}
		// Thu + 1 buffer day (Fri) → free from the next opening day: Monday the 23rd.
		expect(refusal(() => reserve(b.id, '2026-03-18', '2026-03-19')).params).toEqual({
			date: '2026-03-23'
		});
		// Before it, ending Friday the 13th: its buffer day, Monday the 16th, stays free.
		expect(reserve(b.id, '2026-03-12', '2026-03-13').status).toBe('reserved');
		expect(reserve(b.id, '2026-03-23', '2026-03-24').status).toBe('reserved');
	});

	it('keeps a late loan blocking until it is back', () => {
		const a = f.borrower();
		const b = f.borrower();
		const loan = reserveTool(
			f.db,
			{ toolId: f.drill, borrowerId: a.id, startDate: '2026-03-10', endDate: '2026-03-11' },
			NOW,
			ORIGIN
		);
		checkOut(f.db, loan.id, a.id, { condition: 'good', partsOut: [], deposit: 'none' }, NOW);
		// A week later it is still out: the days after its due date are not free.
		const later = NOW + 7 * 86_400_000;
		const e = refusal(() =>
			reserveTool(
				f.db,
				{ toolId: f.drill, borrowerId: b.id, startDate: '2026-03-17', endDate: '2026-03-18' },
				later,
				ORIGIN
			)
		);
		expect([e.code, e.params.date]).toEqual(['lending_err_clash', '2026-03-19']);
		checkIn(f.db, loan.id, a.id, { condition: 'good', partsBack: [] }, later, ORIGIN);
		expect(
			reserveTool(
				f.db,
				{ toolId: f.drill, borrowerId: b.id, startDate: '2026-03-18', endDate: '2026-03-18' },
				later,
				ORIGIN
			).status
		).toBe('reserved');
	});

	it('refuses dates outside opening days, the lending period, the past and a tool out of service', () => {
		const a = f.borrower();
		const codes = (from: string, to: string) => {
			const e = refusal(() => reserve(a.id, from, to));
			return [e.code, e.field];
		};
		expect(codes('2026-03-14', '2026-03-16')).toEqual(['lending_err_closed', 'startDate']); // Sat
		expect(codes('2026-03-13', '2026-03-15')).toEqual(['lending_err_closed', 'endDate']); // Sun
		expect(codes('2026-03-11', '2026-03-18')).toEqual(['lending_err_too_long', 'endDate']); // 8 days
		expect(codes('2026-03-09', '2026-03-11')).toEqual(['lending_err_start_past', 'startDate']);
		expect(codes('2026-03-12', '2026-03-11')).toEqual(['lending_err_end_before_start', 'endDate']);
		expect(codes('2026-02-30', '2026-03-11')).toEqual(['lending_err_date', 'startDate']);
		for (const status of ['in_repair', 'retired', 'missing'] as const) {
			f.db.update(tools).set({ status }).where(eq(tools.id, f.drill)).run();
			expect(codes('2026-03-11', '2026-03-12')).toEqual(['lending_err_tool_unavailable', 'form']);
		}
	});

	it('limits the reservations and loans of one borrower per neighbourhood', () => {
		const a = f.borrower();
		const ladder = f.addTool('T-2');
		const mower = f.addTool('T-3');
		reserve(a.id, '2026-03-11', '2026-03-12');
		const second = reserve(a.id, '2026-03-11', '2026-03-12', ladder);
		const e = refusal(() => reserve(a.id, '2026-03-11', '2026-03-12', mower));
		expect([e.code, e.params]).toEqual(['lending_err_limit', { max: 2 }]);
		cancelReservation(f.db, second.id, a.id, 'borrower', NOW, ORIGIN);
		expect(reserve(a.id, '2026-03-11', '2026-03-12', mower).status).toBe('reserved');
	});
});

describe('extending', () => {
	it('moves the last day under the same overlap rule and resets the return reminders', () => {
		const a = f.borrower();
		const b = f.borrower();
		const mine = reserve(a.id, '2026-03-11', '2026-03-12');
		reserve(b.id, '2026-03-18', '2026-03-19');
		f.db.update(loans).set({ returnReminderAt: NOW }).where(eq(loans.id, mine.id)).run();
		// Up to the 16th would touch b's buffer day (the 17th is free, the 18th is b's).
		const e = refusal(() => extendLoan(f.db, mine.id, a.id, '2026-03-17', NOW));
		expect([e.code, e.params]).toEqual(['lending_err_extend_clash', { date: '2026-03-16' }]);
		const longer = extendLoan(f.db, mine.id, a.id, '2026-03-16', NOW);
		expect([longer.endDate, longer.extendedTimes, longer.returnReminderAt]).toEqual([
			'2026-03-16',
			1,
			null
		]);
		expect(refusal(() => extendLoan(f.db, mine.id, a.id, '2026-03-13', NOW)).code).toBe(
			'lending_err_extend_later'
		);
	});

	it('stays within the maximum lending period', () => {
		const a = f.borrower();
		const mine = reserve(a.id, '2026-03-11', '2026-03-12');
		expect(refusal(() => extendLoan(f.db, mine.id, a.id, '2026-03-18', NOW)).code).toBe(
			'lending_err_too_long'
		);
		expect(extendLoan(f.db, mine.id, a.id, '2026-03-17', NOW).endDate).toBe('2026-03-17');
	});
});

describe('cancelling', () => {
	const mails = () =>
		f.db
			.select({ kind: outbox.kind, to: outbox.toAddress, text: outbox.textBody })
			.from(outbox)
			.orderBy(asc(outbox.id))
			.all();

	it('by the desk for someone who phoned: days free, logged with the reason, the borrower told why, the first in line told', () => {
		const desk = insertTestUser(f.db, { neighbourhoodId: f.hoodId });
		const maria = f.borrower({ email: 'maria@test.example' });
		const [jozef, sofie] = [
			f.borrower({ email: 'jozef@test.example' }),
			f.borrower({ email: 'sofie@test.example' })
		];
		const mine = reserve(maria.id, '2026-03-11', '2026-03-13');
		joinWaitlist(f.db, f.drill, jozef.id, NOW);
		joinWaitlist(f.db, f.drill, sofie.id, NOW + 1);
		// Sofie cannot have those days while Maria holds them.
		expect(refusal(() => reserve(sofie.id, '2026-03-12', '2026-03-12')).code).toBe(
			'lending_err_clash'
		);
		cancelReservation(f.db, mine.id, desk.id, 'no_longer_needed', NOW + 1000, ORIGIN);
		const row = f.db.select().from(loans).where(eq(loans.id, mine.id)).get()!;
		expect([row.status, row.cancelReason, row.cancelledAt]).toEqual([
			'cancelled',
			'no_longer_needed',
			NOW + 1000
		]);
		const audit = f.db.select().from(auditLog).where(eq(auditLog.action, 'loan.cancel')).all();
		expect(audit.map((a) => [a.actorId, a.subjectId, JSON.parse(a.detail)])).toEqual([
			[desk.id, String(mine.id), { reason: 'no_longer_needed' }]
		]);
		expect(mails().map((m) => [m.kind, m.to])).toEqual([
			['loan_confirmation', 'maria@test.example'],
			['loan_cancelled', 'maria@test.example'],
			['loan_waitlist_free', 'jozef@test.example']
		]);
		const mail = mails()[1]!.text;
		expect(mail).toContain(
			'We hebben je reservatie van Boormachine van woensdag 11 maart 2026 tot en met vrijdag 13 maart 2026 geannuleerd.'
		);
		expect(mail).toContain('Je liet ons weten dat je het niet meer nodig hebt.');
		expect(mail).toContain(`${ORIGIN}/tools/${f.drill}`);
		// The days are free for the next person.
		expect(reserve(sofie.id, '2026-03-12', '2026-03-12').status).toBe('reserved');
	});

	it('by the desk for someone without e-mail: a call task with the reason to read out', () => {
		const desk = insertTestUser(f.db, { neighbourhoodId: f.hoodId });
		const jan = f.borrower({ email: null, displayName: 'Jan' });
		const mine = reserve(jan.id, '2026-03-11', '2026-03-12');
		cancelReservation(f.db, mine.id, desk.id, 'tool_unavailable', NOW, ORIGIN);
		expect(mails()).toEqual([]);
		const calls = f.db.select().from(tasks).orderBy(asc(tasks.id)).all();
		const last = {
			...JSON.parse(calls.at(-1)!.details),
			...describeTask(calls.at(-1)!, 'Jan', 'nl')
		};
		expect(last.mailKind).toBe('loan_cancelled');
		expect(last.text).toContain('bijvoorbeeld omdat het in herstelling is');
	});

	it('by the borrower sends them no mail, and a tool already picked up cannot be cancelled', () => {
		const maria = f.borrower({ email: 'maria@test.example' });
		const first = reserve(maria.id, '2026-03-10', '2026-03-10');
		const second = reserve(maria.id, '2026-03-12', '2026-03-12');
		cancelReservation(f.db, second.id, maria.id, 'borrower', NOW, ORIGIN);
		expect(mails().map((m) => m.kind)).toEqual(['loan_confirmation', 'loan_confirmation']);
		checkOut(f.db, first.id, maria.id, { condition: 'good', partsOut: [], deposit: 'none' }, NOW);
		expect(
			refusal(() => cancelReservation(f.db, first.id, maria.id, 'other_dates', NOW, ORIGIN)).code
		).toBe('lending_err_not_reserved');
	});
});
