import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import { auditLog, expenseClaims, matches, outbox, tasks, users } from '../db/schema';
import { days } from '../calendar';
import { makeMatch, makeTrustNeighbourhood } from '../testing/trust';
import { brokerClaims, claimableMatches, claimExpense, decideExpense, ownClaims } from './expenses';

const NOW = Date.UTC(2026, 10, 20, 10);
const ORIGIN = 'https://naburig.test';

function world() {
	const db = createTestDb();
	const ctx = makeTrustNeighbourhood(db);
	const maria = ctx.resident('Maria Janssens');
	const match = makeMatch(db, ctx.category.id, maria, ctx.helper, 'active');
	return { db, ...ctx, maria, match };
}

describe('a helper claims expenses after a match', () => {
	it('for their own match, with an amount and a reason; logged', () => {
		const { db, helper, match, hood } = world();
		const result = claimExpense(
			db,
			{
				helperId: helper.id,
				matchId: match.id,
				amountCents: 460,
				reason: ' Bus naar de apotheek '
			},
			NOW
		);
		expect(result.ok).toBe(true);
		expect(db.select().from(expenseClaims).all()).toMatchObject([
			{
				neighbourhoodId: hood.id,
				amountCents: 460,
				reason: 'Bus naar de apotheek',
				status: 'claimed'
			}
		]);
		expect(db.select({ a: auditLog.action }).from(auditLog).all()).toEqual([
			{ a: 'expense.claim' }
		]);
		expect(ownClaims(db, helper.id).map((c) => c.amountCents)).toEqual([460]);
	});

	it('refuses someone else’s match, a match that ended long ago, no amount, too much, no reason', () => {
		const { db, helper, maria, match, category, resident } = world();
		const other = resident('Sofie Wouters');
		const hers = makeMatch(db, category.id, maria, other, 'active');
		const claim = (matchId: number, amountCents: number, reason = 'bus', now = NOW) =>
			claimExpense(db, { helperId: helper.id, matchId, amountCents, reason }, now);
		expect(claim(hers.id, 460)).toEqual({
			ok: false,
			field: 'matchId',
			error: 'volunteers_expenses_err_match'
		});
		expect(claim(match.id, 0)).toMatchObject({ ok: false, field: 'amount' });
		expect(claim(match.id, 50_001)).toMatchObject({
			ok: false,
			field: 'amount',
			error: 'volunteers_expenses_err_too_much'
		});
		expect(claim(match.id, 460, '  ')).toMatchObject({ ok: false, field: 'reason' });
		db.update(matches)
			.set({ status: 'done', endedAt: NOW - days(91) })
			.where(eq(matches.id, match.id))
			.run();
		expect(claimableMatches(db, helper.id, NOW)).toEqual([]);
		expect(claim(match.id, 460)).toMatchObject({ ok: false, field: 'matchId' });
		expect(db.select().from(expenseClaims).all()).toEqual([]);
	});
});

describe('the broker decides', () => {
	function claimed() {
		const w = world();
		const r = claimExpense(
			w.db,
			{ helperId: w.helper.id, matchId: w.match.id, amountCents: 460, reason: 'Bus' },
			NOW
		);
		if (!r.ok) throw new Error('claim failed');
		return { ...w, claimId: r.id };
	}

	it('approves: the helper is told in their language, once; a second decision is refused', () => {
		const { db, claimId, broker, helper } = claimed();
		db.update(users).set({ locale: 'en' }).where(eq(users.id, helper.id)).run();
		expect(
			decideExpense(db, { claimId, brokerId: broker.id, approve: true, reason: '' }, ORIGIN, NOW)
		).toEqual({ ok: true });
		const sent = db.select().from(outbox).where(eq(outbox.userId, helper.id)).all();
		expect(sent).toHaveLength(1);
		expect(sent[0]!.subject).toBe('Your expenses will be paid back');
		expect(sent[0]!.textBody).toContain('€4.60');
		expect(sent[0]!.textBody).toContain(`${ORIGIN}/volunteering/expenses`);
		expect(
			decideExpense(db, { claimId, brokerId: broker.id, approve: false, reason: 'x' }, ORIGIN, NOW)
		).toEqual({ ok: false, error: 'volunteers_expenses_err_decided' });
		expect(db.select().from(outbox).all()).toHaveLength(1);
		expect(db.select().from(expenseClaims).get()).toMatchObject({
			status: 'approved',
			decidedById: broker.id,
			decidedAt: NOW
		});
	});

	it('refusing needs a reason, which the helper reads; nothing changes without it', () => {
		const { db, claimId, broker, helper } = claimed();
		expect(
			decideExpense(db, { claimId, brokerId: broker.id, approve: false, reason: ' ' }, ORIGIN, NOW)
		).toEqual({ ok: false, field: 'reason', error: 'volunteers_expenses_err_refuse_reason' });
		expect(db.select().from(expenseClaims).get()!.status).toBe('claimed');
		expect(db.select().from(outbox).all()).toEqual([]);
		decideExpense(
			db,
			{ claimId, brokerId: broker.id, approve: false, reason: 'Dat was een taxi, geen bus' },
			ORIGIN,
			NOW
		);
		const mail = db.select().from(outbox).where(eq(outbox.userId, helper.id)).get()!;
		expect(mail.subject).toBe('Over je onkosten');
		expect(mail.textBody).toContain('Dat was een taxi, geen bus');
		expect(ownClaims(db, helper.id)[0]).toMatchObject({
			status: 'refused',
			decisionReason: 'Dat was een taxi, geen bus'
		});
	});

	it('a helper no channel reaches becomes a call for the broker, in words of the broker’s language', () => {
		const { db, claimId, broker, helper } = claimed();
		db.update(users).set({ email: null, phone: null }).where(eq(users.id, helper.id)).run();
		decideExpense(db, { claimId, brokerId: broker.id, approve: true, reason: '' }, ORIGIN, NOW);
		const task = db.select().from(tasks).get()!;
		expect(task.kind).toBe('call_resident');
		expect(JSON.parse(task.details).call.text).toEqual({
			key: 'volunteers_expenses_call_approved',
			params: { amount: '4.60' }
		});
	});

	it('lists waiting claims first for the broker, newest decision first after them', () => {
		const { db, claimId, broker, hood, helper, match } = claimed();
		const second = claimExpense(
			db,
			{ helperId: helper.id, matchId: match.id, amountCents: 300, reason: 'Parking' },
			NOW
		);
		if (!second.ok) throw new Error('claim failed');
		const later = NOW + days(1);
		decideExpense(db, { claimId, brokerId: broker.id, approve: true, reason: '' }, ORIGIN, NOW);
		decideExpense(
			db,
			{ claimId: second.id, brokerId: broker.id, approve: true, reason: '' },
			ORIGIN,
			later
		);
		expect(brokerClaims(db, [hood.id]).waiting).toEqual([]);
		expect(brokerClaims(db, [hood.id]).decided.map((c) => c.amountCents)).toEqual([300, 460]);
	});
});
