import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, gatheringSignups, outbox, trustBadges, users } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { makeBareNeighbourhood } from '../testing/neighbourhoods';
import { makeTrustNeighbourhood } from '../testing/trust';
import { cancelGathering, editGathering, planGathering, type PlanInput } from './gatherings';
import { cancelSignup, gatheringsFor, signUp } from './gathering-signups';
import { runGatheringReminders } from './gathering-reminders';
import { recordAttendance } from './gathering-attendance';

// Tuesday 1 December 2026, 10:00 in Brussels (09:00 UTC).
const ORIGIN = 'https://naburig.test';
const NOW = Date.UTC(2026, 11, 1, 9);
const HOUR = 3_600_000;

function world() {
	const db = createTestDb();
	const w = makeTrustNeighbourhood(db);
	// Jozef is a volunteer: he holds a badge (who.ts).
	db.insert(trustBadges).values({ userId: w.helper.id, kind: 'met_in_person', grantedAt: 1 }).run();
	const sofie = w.resident('Sofie Claes', { email: 'sofie@test.example' });
	db.insert(trustBadges).values({ userId: sofie.id, kind: 'met_in_person', grantedAt: 1 }).run();
	const maria = w.resident('Maria Janssens', { email: 'maria@test.example' });
	const plan = (over: Partial<PlanInput> = {}) => {
		const r = planGathering(
			db,
			w.broker.id,
			{
				neighbourhoodId: w.hood.id,
				kind: 'intervision',
				name: '',
				date: '2026-12-10',
				startTime: '19:00',
				endTime: '21:00',
				place: 'Buurthuis De Linde',
				capacity: null,
				audience: 'volunteers',
				description: '',
				refresherMonths: null,
				...over
			},
			NOW
		);
		if (!r.ok) throw new Error(JSON.stringify(r));
		return r.gathering;
	};
	const mails = () => db.select().from(outbox).all();
	return { db, ...w, sofie, maria, plan, mails };
}

describe('planning a gathering', () => {
	it('reads the day and times on the neighbourhood’s clock', () => {
		const { plan } = world();
		const g = plan();
		expect(new Date(g.startsAt).toISOString()).toBe('2026-12-10T18:00:00.000Z');
		expect(new Date(g.endsAt).toISOString()).toBe('2026-12-10T20:00:00.000Z');
	});

	it('needs a name for a training, refuses a day gone by, keeps a refresher only for a training', () => {
		const { db, broker, hood, plan } = world();
		const base = {
			neighbourhoodId: hood.id,
			kind: 'training' as const,
			name: ' ',
			date: '2026-12-10',
			startTime: '09:00',
			endTime: '12:00',
			place: 'Buurthuis',
			capacity: null,
			audience: 'volunteers' as const,
			description: '',
			refresherMonths: 12
		};
		expect(planGathering(db, broker.id, base, NOW)).toMatchObject({ ok: false, field: 'name' });
		expect(
			planGathering(db, broker.id, { ...base, name: 'EHBO', date: '2026-11-30' }, NOW)
		).toMatchObject({ ok: false, field: 'date', error: 'gatherings_err_past' });
		expect(plan({ kind: 'coffee_morning', name: 'x', refresherMonths: 12 })).toMatchObject({
			name: '',
			refresherMonths: null
		});
	});
});

describe('changing a planned gathering', () => {
	it('changes one that has not started, in its own neighbourhood only', () => {
		const { db, broker, hood, plan } = world();
		const g = plan();
		const input: PlanInput = {
			neighbourhoodId: hood.id,
			kind: 'intervision',
			name: '',
			date: '2026-12-11',
			startTime: '14:00',
			endTime: '16:00',
			place: 'Bibliotheek',
			capacity: 8,
			audience: 'volunteers',
			description: '',
			refresherMonths: null
		};
		expect(editGathering(db, broker.id, g.id, input, NOW)).toMatchObject({
			ok: true,
			gathering: { place: 'Bibliotheek', capacity: 8, startsAt: Date.UTC(2026, 11, 11, 13) }
		});
		expect(
			editGathering(db, broker.id, g.id, { ...input, neighbourhoodId: hood.id + 1 }, NOW)
		).toEqual({ ok: false, error: 'not_found' });
		expect(editGathering(db, broker.id, g.id, input, Date.UTC(2026, 11, 11, 13))).toEqual({
			ok: false,
			error: 'started'
		});
	});
});

describe('signing up', () => {
	it('fills the places, then a waiting list in order; a cancellation moves the first up and tells her', () => {
		const { db, helper, sofie, broker, plan, mails } = world();
		const g = plan({ audience: 'volunteers', capacity: 1 });
		expect(signUp(db, g.id, helper.id, NOW)).toMatchObject({
			ok: true,
			signup: { status: 'signed_up' }
		});
		expect(signUp(db, g.id, sofie.id, NOW + 1, broker.id)).toMatchObject({
			ok: true,
			signup: { status: 'waiting', signedUpById: broker.id }
		});
		expect(signUp(db, g.id, sofie.id, NOW + 2)).toEqual({ ok: false, error: 'already' });
		expect(
			db.select().from(auditLog).where(eq(auditLog.action, 'gathering.signup_by_phone')).all()
		).toHaveLength(1);
		expect(mails()).toEqual([]);

		expect(cancelSignup(db, g.id, helper.id, NOW + 3, ORIGIN)).toEqual({
			ok: true,
			movedUp: sofie.id
		});
		const rows = db.select().from(gatheringSignups).all();
		expect(rows.map((r) => [r.userId, r.status])).toEqual([
			[helper.id, 'cancelled'],
			[sofie.id, 'signed_up']
		]);
		expect(mails().map((m) => [m.kind, m.toAddress])).toEqual([
			['gathering_moved_up', 'sofie@test.example']
		]);
		expect(mails()[0]!.subject).toBe('Er is een plaats vrij: Intervisie');
	});

	it('a gathering for volunteers is not open to other residents; other neighbourhoods never', () => {
		const { db, maria, helper, plan } = world();
		const forVolunteers = plan({ audience: 'volunteers' });
		const forResidents = plan({ audience: 'residents', kind: 'coffee_morning' });
		expect(signUp(db, forVolunteers.id, maria.id, NOW)).toEqual({
			ok: false,
			error: 'not_for_you'
		});
		expect(signUp(db, forResidents.id, maria.id, NOW)).toMatchObject({ ok: true });
		expect(gatheringsFor(db, maria.id, NOW).map((g) => g.id)).toEqual([forResidents.id]);
		expect(
			gatheringsFor(db, helper.id, NOW)
				.map((g) => g.id)
				.sort()
		).toEqual([forVolunteers.id, forResidents.id].sort());
		const other = makeBareNeighbourhood(db);
		db.update(users).set({ neighbourhoodId: other.id }).where(eq(users.id, maria.id)).run();
		cancelSignup(db, forResidents.id, maria.id, NOW, ORIGIN);
		expect(signUp(db, forResidents.id, maria.id, NOW)).toEqual({ ok: false, error: 'not_for_you' });
		expect(gatheringsFor(db, maria.id, NOW)).toEqual([]);
	});

	it('refuses a gathering that started or was cancelled, and cancelling tells everyone', () => {
		const { db, helper, sofie, broker, plan, mails } = world();
		const g = plan({ capacity: 1 });
		signUp(db, g.id, helper.id, NOW);
		signUp(db, g.id, sofie.id, NOW);
		expect(cancelGathering(db, broker.id, g.id, NOW + 1, ORIGIN)).toEqual({ ok: true, told: 2 });
		expect(mails().map((m) => m.kind)).toEqual(['gathering_cancelled', 'gathering_cancelled']);
		expect(signUp(db, g.id, helper.id, NOW + 2)).toEqual({ ok: false, error: 'closed' });
		const later = plan();
		expect(signUp(db, later.id, helper.id, later.startsAt)).toEqual({ ok: false, error: 'closed' });
	});
});

describe('reminders the day before', () => {
	it('one per sign-up, on the day before, in daytime only', () => {
		const { db, helper, sofie, maria, plan, mails } = world();
		// Wednesday 2 December, 19:00–21:00 in Brussels (18:00 UTC).
		const g = plan({ date: '2026-12-02', audience: 'everyone', kind: 'coffee_morning' });
		signUp(db, g.id, helper.id, NOW);
		signUp(db, g.id, sofie.id, NOW);
		signUp(db, g.id, maria.id, NOW);
		cancelSignup(db, g.id, maria.id, NOW, ORIGIN);
		// 37 hours before is 05:00 on Tuesday: the day before, but night.
		expect(runGatheringReminders(db, g.startsAt - 37 * HOUR, ORIGIN)).toBe(0);
		// 30 hours before is 13:00 on Tuesday, daytime: both signed-up people, once.
		expect(runGatheringReminders(db, g.startsAt - 30 * HOUR, ORIGIN)).toBe(2);
		expect(runGatheringReminders(db, g.startsAt - 29 * HOUR, ORIGIN)).toBe(0);
		expect(
			mails()
				.map((m) => [m.kind, m.toAddress])
				.sort()
		).toEqual([
			['gathering_reminder', 'jozef@test.example'],
			['gathering_reminder', 'sofie@test.example']
		]);
		expect(mails()[0]!.subject).toBe('Morgen: Koffieochtend');
		// A full address: SMS and push turn it into a short link, mail into a button.
		expect(mails()[0]!.url).toBe(`${ORIGIN}/gatherings/${g.id}`);
	});

	it('waits for the morning when the window opens at night', () => {
		const { db, helper, plan, mails } = world();
		// Thursday 3 December 10:00 in Brussels; 34 hours before is 00:00 on Wednesday.
		const g = plan({ date: '2026-12-03', startTime: '10:00', endTime: '11:00' });
		signUp(db, g.id, helper.id, NOW);
		expect(runGatheringReminders(db, g.startsAt - 34 * HOUR, ORIGIN)).toBe(0);
		expect(mails()).toEqual([]);
		// 09:00 on Wednesday.
		expect(runGatheringReminders(db, g.startsAt - 25 * HOUR, ORIGIN)).toBe(1);
	});

	it('reminds of an early morning gathering the afternoon before, and not two days ahead', () => {
		const { db, helper, plan } = world();
		// Thursday 3 December 08:00 in Brussels (07:00 UTC).
		const g = plan({ date: '2026-12-03', startTime: '08:00', endTime: '09:30' });
		signUp(db, g.id, helper.id, NOW);
		// Tuesday 12:00: two days ahead.
		expect(runGatheringReminders(db, g.startsAt - 44 * HOUR, ORIGIN)).toBe(0);
		// Wednesday 15:00: the day before, in the daytime (17 hours ahead).
		expect(runGatheringReminders(db, g.startsAt - 17 * HOUR, ORIGIN)).toBe(1);
	});
});

describe('attendance afterwards', () => {
	it('gives each attendee of a training one badge named after it, dated that day, expiring after the refresher', () => {
		const { db, helper, sofie, broker, plan } = world();
		const g = plan({
			kind: 'training',
			name: 'Discretie',
			date: '2026-12-10',
			startTime: '09:00',
			endTime: '12:00',
			refresherMonths: 12
		});
		signUp(db, g.id, helper.id, NOW);
		signUp(db, g.id, sofie.id, NOW);
		expect(recordAttendance(db, broker.id, g.id, [helper.id], g.startsAt - 1)).toEqual({
			ok: false,
			error: 'not_started'
		});
		const after = g.endsAt + HOUR;
		expect(recordAttendance(db, broker.id, g.id, [helper.id], after)).toMatchObject({
			ok: true,
			came: 1,
			badges: 1
		});
		const training = () =>
			db.select().from(trustBadges).where(eq(trustBadges.kind, 'training')).all();
		expect(training()).toMatchObject([
			{
				userId: helper.id,
				label: 'Discretie',
				gatheringId: g.id,
				// Local midnight in Brussels: 10 December 2026 and 10 December 2027.
				issuedAt: Date.UTC(2026, 11, 9, 23),
				checkedAt: Date.UTC(2026, 11, 9, 23),
				expiresAt: Date.UTC(2027, 11, 9, 23),
				revokedAt: null
			}
		]);
		// Again, now with both: no second badge for Jozef.
		recordAttendance(db, broker.id, g.id, [helper.id, sofie.id], after + 1);
		expect(
			training()
				.map((b) => b.userId)
				.sort()
		).toEqual([helper.id, sofie.id].sort());
		// Sofie unticked: the badge it gave her is gone.
		recordAttendance(db, broker.id, g.id, [helper.id], after + 2);
		expect(training().map((b) => b.userId)).toEqual([helper.id]);
		const rows = db
			.select()
			.from(gatheringSignups)
			.where(eq(gatheringSignups.gatheringId, g.id))
			.all();
		expect(new Map(rows.map((r) => [r.userId, r.attended]))).toEqual(
			new Map([
				[helper.id, true],
				[sofie.id, false]
			])
		);
	});

	it('a newer training of the same name replaces the older badge; another training stays', () => {
		const { db, helper, broker, plan } = world();
		const first = plan({
			kind: 'training',
			name: 'EHBO',
			date: '2026-12-02',
			refresherMonths: null
		});
		const other = plan({ kind: 'training', name: 'Discretie', date: '2026-12-03' });
		const again = plan({ kind: 'training', name: 'EHBO', date: '2026-12-10' });
		for (const g of [first, other, again]) signUp(db, g.id, helper.id, NOW);
		const late = again.endsAt + HOUR;
		for (const g of [first, other, again]) recordAttendance(db, broker.id, g.id, [helper.id], late);
		const badges = db.select().from(trustBadges).where(eq(trustBadges.kind, 'training')).all();
		expect(badges.map((b) => [b.gatheringId, b.revokedAt === null])).toEqual([
			[first.id, false],
			[other.id, true],
			[again.id, true]
		]);
		expect(
			db
				.select()
				.from(trustBadges)
				.where(and(eq(trustBadges.label, 'EHBO'), eq(trustBadges.gatheringId, first.id)))
				.get()!.expiresAt
		).toBeNull();
	});
});
