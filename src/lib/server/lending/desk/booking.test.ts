import { beforeEach, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { insertTestUser } from '../../db/test-db';
import { agreementAcceptances, loans } from '../../db/schema';
import { checkOut } from './hand-over';
import { bookForResident } from './booking';
import { completeDeskCall, deskCalls } from './calls';
import { runLoanReminders } from '../reminders';
import { ReservationError } from '../reservations';
import { makeLendingNeighbourhood, NOW, ORIGIN } from '../../testing/lending';

let f: ReturnType<typeof makeLendingNeighbourhood>;
beforeEach(() => {
	f = makeLendingNeighbourhood();
});

it('the desk books for someone without internet, recording how they accepted the agreement', () => {
	const an = insertTestUser(f.db, { neighbourhoodId: f.hoodId, displayName: 'An' });
	const jan = insertTestUser(f.db, { neighbourhoodId: f.hoodId, email: null, displayName: 'Jan' });
	const input = {
		actorId: an.id,
		residentId: jan.id,
		neighbourhoodId: f.hoodId,
		toolId: f.drill,
		startDate: '2026-03-11',
		endDate: '2026-03-12'
	};
	expect(() => bookForResident(f.db, input, NOW, ORIGIN)).toThrow(ReservationError);
	const loan = bookForResident(f.db, { ...input, acceptance: 'read_aloud' }, NOW, ORIGIN);
	expect(loan.bookedById).toBe(an.id);
	const acceptance = f.db
		.select()
		.from(agreementAcceptances)
		.where(eq(agreementAcceptances.id, loan.agreementAcceptanceId!))
		.get()!;
	expect([acceptance.userId, acceptance.method, acceptance.recordedById]).toEqual([
		jan.id,
		'read_aloud',
		an.id
	]);
	// Jan has no e-mail: the confirmation is a call on the desk.
	const calls = deskCalls(f.db, f.hoodId, NOW);
	expect(calls.map((c) => [c.kind, c.personName, c.subject])).toEqual([
		['call_resident', 'Jan', 'Je reservatie: Boormachine']
	]);
	expect(completeDeskCall(f.db, f.hoodId, calls[0]!.taskId, an.id, 'Doorgegeven', NOW)).toBe(true);
	expect(deskCalls(f.db, f.hoodId, NOW)).toEqual([]);
});

it('the desk sees the call about a late tool, and only its own neighbourhood may close it', () => {
	const maria = f.borrower({ displayName: 'Maria' });
	const loan = f.db
		.insert(loans)
		.values({
			toolId: f.drill,
			borrowerId: maria.id,
			startDate: '2026-03-10',
			endDate: '2026-03-11',
			createdAt: NOW
		})
		.returning()
		.all()[0]!;
	checkOut(f.db, loan.id, maria.id, { condition: 'good', partsOut: [], deposit: 'none' }, NOW);
	const later = Date.UTC(2026, 2, 13, 11);
	runLoanReminders(f.db, later, ORIGIN);
	const calls = deskCalls(f.db, f.hoodId, later);
	expect(calls.map((c) => [c.kind, c.tool, c.endDate, c.loanId])).toEqual([
		['loan_overdue_call', 'Boormachine', '2026-03-11', loan.id]
	]);
	expect(completeDeskCall(f.db, f.hoodId + 1, calls[0]!.taskId, maria.id, '', later)).toBe(false);
});
