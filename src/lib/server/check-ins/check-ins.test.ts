import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { localInstant } from '../calendar';
import { checkInCalls, outbox, signals, tasks, users } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { checkInFigures } from '../reporting/check-in-section';
import { makeNeighbourhood } from '../testing/posts';
import { callsForCaller, callTimes, recordCall, runCheckIns } from './calls';
import { endCheckIns, setUpCheckIns } from './plans';

const TZ = 'Europe/Brussels';
const ORIGIN = 'https://naburig.example';
const MINUTE = 60_000;
// Monday 1 March 2027, 08:00.
const NOW = localInstant('2027-03-01', '08:00', TZ);

function setUp() {
	const db = createTestDb();
	const { hood, resident } = makeNeighbourhood(db);
	const broker = resident('Jozef', { role: 'broker' });
	const georgette = resident('Georgette Willems');
	const omar = resident('Omar Haddad');
	const ann = resident('Ann Willems');
	const made = setUpCheckIns(
		db,
		{
			personId: georgette.id,
			callerId: omar.id,
			contactId: ann.id,
			weekdays: [1, 3, 5],
			time: '10:00',
			retryMinutes: 30,
			graceMinutes: 90
		},
		broker.id,
		NOW
	);
	if (!made.ok) throw new Error('not set up');
	const calls = () =>
		db.select().from(checkInCalls).where(eq(checkInCalls.planId, made.plan.id)).all();
	return { db, hood, broker, georgette, omar, ann, plan: made.plan, calls };
}

describe('check-in calls', () => {
	it('fall on the chosen weekdays at the same local time across summer time', () => {
		const times = callTimes({ weekdays: '[1]', time: '10:00' }, '2027-03-22', '2027-03-29', TZ);
		expect(times.map((t) => new Date(t).toISOString())).toEqual([
			'2027-03-22T09:00:00.000Z',
			'2027-03-29T08:00:00.000Z'
		]);
	});

	it('are set up once when the form is sent twice (no double alarms)', () => {
		const { db, broker, georgette, omar, ann } = setUp();
		const input = {
			personId: georgette.id,
			callerId: omar.id,
			contactId: ann.id,
			weekdays: [2],
			time: '11:00',
			retryMinutes: 30,
			graceMinutes: 90,
			submissionKey: 'same-key-0123456789'
		};
		const first = setUpCheckIns(db, input, broker.id, NOW);
		const second = setUpCheckIns(db, input, broker.id, NOW);
		expect(first.ok && second.ok && second.plan.id === first.plan.id).toBe(true);
		// One Tuesday in the week ahead: one call, not two.
		expect(
			db
				.select()
				.from(checkInCalls)
				.all()
				.filter((c) => c.planId !== 1)
		).toHaveLength(1);
	});

	it('are made for the week ahead and listed for the caller', () => {
		const { db, omar, calls } = setUp();
		// Mon, Wed, Fri this week and Monday next week (8 days kept ready).
		expect(calls().map((c) => new Date(c.dueAt).toISOString())).toEqual([
			'2027-03-01T09:00:00.000Z',
			'2027-03-03T09:00:00.000Z',
			'2027-03-05T09:00:00.000Z',
			'2027-03-08T09:00:00.000Z'
		]);
		// From an hour before the call it can be written down.
		expect(callsForCaller(db, omar.id, NOW)[0]!.canRecord).toBe(false);
		const mine = callsForCaller(db, omar.id, NOW + 61 * MINUTE);
		expect(mine[0]).toMatchObject({ person: 'Georgette Willems', canRecord: true });
		expect(mine[1]!.canRecord).toBe(false);
	});

	it('reached and all well: nothing else happens, even after the grace time', () => {
		const { db, omar, calls } = setUp();
		const first = calls()[0]!;
		expect(
			recordCall(
				db,
				first.id,
				omar.id,
				{ outcome: 'well', note: '', signal: false },
				ORIGIN,
				first.dueAt + 5 * MINUTE
			)
		).toEqual({ ok: true, retryAt: null, escalated: false, cleared: false, timeZone: TZ });
		runCheckIns(db, first.dueAt + 300 * MINUTE, ORIGIN);
		expect(db.select().from(tasks).all()).toHaveLength(0);
		expect(db.select().from(outbox).where(eq(outbox.kind, 'check_in_alert')).all()).toHaveLength(0);
	});

	it('something to follow up can go to the broker as a signal about the person', () => {
		const { db, omar, georgette, calls } = setUp();
		const first = calls()[0]!;
		recordCall(
			db,
			first.id,
			omar.id,
			{ outcome: 'follow_up', note: 'Ze klinkt verward', signal: true },
			ORIGIN,
			first.dueAt
		);
		const signal = db.select().from(signals).get()!;
		expect(signal).toMatchObject({
			kind: 'client',
			body: 'Ze klinkt verward',
			subjectUserId: georgette.id,
			filedById: omar.id
		});
		expect(
			db.select().from(checkInCalls).where(eq(checkInCalls.id, first.id)).get()!.signalId
		).toBe(signal.id);
	});

	it('not reached twice: the contact person is told at once (even at night), and Today gets an urgent task', () => {
		const { db, omar, ann, georgette, calls } = setUp();
		const first = calls()[0]!;
		const tried = first.dueAt + 2 * MINUTE;
		const once = recordCall(
			db,
			first.id,
			omar.id,
			{ outcome: 'not_reached', note: '', signal: false },
			ORIGIN,
			tried
		);
		expect(once).toEqual({
			ok: true,
			retryAt: tried + 30 * MINUTE,
			escalated: false,
			cleared: false,
			timeZone: TZ
		});
		// At the retry time the caller is reminded, once.
		runCheckIns(db, tried + 31 * MINUTE, ORIGIN);
		runCheckIns(db, tried + 32 * MINUTE, ORIGIN);
		expect(
			db
				.select()
				.from(outbox)
				.where(eq(outbox.kind, 'check_in_retry'))
				.all()
				.map((r) => r.userId)
		).toEqual([omar.id]);
		const twice = recordCall(
			db,
			first.id,
			omar.id,
			{ outcome: 'not_reached', note: '', signal: false },
			ORIGIN,
			tried + 33 * MINUTE
		);
		expect(twice).toEqual({
			ok: true,
			retryAt: null,
			escalated: true,
			cleared: false,
			timeZone: TZ
		});
		const alert = db.select().from(outbox).where(eq(outbox.kind, 'check_in_alert')).all();
		expect(alert.map((r) => [r.userId, r.topic])).toEqual([[ann.id, 'urgent']]);
		expect(alert[0]!.subject).toContain('Georgette Willems');
		expect(alert[0]!.nextAttemptAt).toBe(tried + 33 * MINUTE);
		const task = db.select().from(tasks).get()!;
		expect(task).toMatchObject({ kind: 'check_in_escalated', subjectUserId: georgette.id });
		expect(JSON.parse(task.details)).toMatchObject({ reason: 'not_reached' });
		// The job does not escalate it a second time.
		runCheckIns(db, tried + 600 * MINUTE, ORIGIN);
		expect(db.select().from(tasks).where(eq(tasks.kind, 'check_in_escalated')).all()).toHaveLength(
			1
		);
	});

	it('an urgent alert by SMS is not held back by quiet hours', () => {
		const { db, omar, ann, calls } = setUp();
		db.update(users)
			.set({ email: null, phone: '+32470123456', phoneVerifiedAt: 1 })
			.where(eq(users.id, ann.id))
			.run();
		const first = calls()[0]!;
		const night = localInstant('2027-03-01', '23:30', TZ);
		recordCall(
			db,
			first.id,
			omar.id,
			{ outcome: 'not_reached', note: '', signal: false },
			ORIGIN,
			night
		);
		recordCall(
			db,
			first.id,
			omar.id,
			{ outcome: 'not_reached', note: '', signal: false },
			ORIGIN,
			night + MINUTE
		);
		const sms = db.select().from(outbox).where(eq(outbox.kind, 'check_in_alert')).get()!;
		expect(sms.channel).toBe('sms');
		expect(sms.nextAttemptAt).toBe(night + MINUTE);
	});

	it('a call nobody wrote down escalates after the grace time; a retry nobody wrote down too', () => {
		const { db, omar, calls } = setUp();
		const [first, second] = calls();
		runCheckIns(db, first!.dueAt + 89 * MINUTE, ORIGIN);
		expect(db.select().from(tasks).all()).toHaveLength(0);
		runCheckIns(db, first!.dueAt + 90 * MINUTE, ORIGIN);
		expect(JSON.parse(db.select().from(tasks).get()!.details)).toMatchObject({
			reason: 'not_recorded',
			callId: first!.id
		});
		// The second call: not reached once, then the retry is forgotten.
		recordCall(
			db,
			second!.id,
			omar.id,
			{ outcome: 'not_reached', note: '', signal: false },
			ORIGIN,
			second!.dueAt
		);
		runCheckIns(db, second!.dueAt + 30 * MINUTE + 89 * MINUTE, ORIGIN);
		expect(db.select().from(tasks).all()).toHaveLength(1);
		runCheckIns(db, second!.dueAt + 30 * MINUTE + 90 * MINUTE, ORIGIN);
		expect(db.select().from(tasks).all()).toHaveLength(2);
		expect(db.select().from(outbox).where(eq(outbox.kind, 'check_in_alert')).all()).toHaveLength(2);
	});

	it('written down late after an alarm: the contact hears all is well and the urgent task is done', () => {
		const { db, omar, ann, calls } = setUp();
		const [first, second] = calls();
		runCheckIns(db, first!.dueAt + 90 * MINUTE, ORIGIN);
		expect(db.select().from(tasks).get()!.doneAt).toBeNull();
		const late = first!.dueAt + 2 * 60 * MINUTE;
		const answer = recordCall(
			db,
			first!.id,
			omar.id,
			{ outcome: 'well', note: '', signal: false },
			ORIGIN,
			late
		);
		expect(answer).toMatchObject({ ok: true, escalated: false, cleared: true, timeZone: TZ });
		const task = db.select().from(tasks).get()!;
		expect(task.doneAt).toBe(late);
		expect(task.outcome).toBe('reached_after_all');
		const clear = db.select().from(outbox).where(eq(outbox.kind, 'check_in_clear')).all();
		expect(clear).toHaveLength(1);
		expect(clear[0]!.userId).toBe(ann.id);
		expect(clear[0]!.textBody).toContain('Omar heeft Georgette Willems gesproken');
		// A call written down in time, reached: no all-clear (nobody was alarmed).
		const inTime = recordCall(
			db,
			second!.id,
			omar.id,
			{ outcome: 'well', note: '', signal: false },
			ORIGIN,
			second!.dueAt
		);
		expect(inTime).toMatchObject({ ok: true, cleared: false });
		expect(db.select().from(outbox).where(eq(outbox.kind, 'check_in_clear')).all()).toHaveLength(1);
	});

	it('cannot be written down long before it is due, nor twice; stopping removes the calls to come', () => {
		const { db, omar, broker, plan, calls } = setUp();
		const [first, , third] = calls();
		expect(
			recordCall(db, third!.id, omar.id, { outcome: 'well', note: '', signal: false }, ORIGIN, NOW)
		).toEqual({ ok: false, error: 'not_yet' });
		recordCall(
			db,
			first!.id,
			omar.id,
			{ outcome: 'well', note: '', signal: false },
			ORIGIN,
			first!.dueAt
		);
		expect(
			recordCall(
				db,
				first!.id,
				omar.id,
				{ outcome: 'well', note: '', signal: false },
				ORIGIN,
				first!.dueAt
			)
		).toEqual({ ok: false, error: 'gone' });
		expect(endCheckIns(db, plan, broker.id, first!.dueAt)).toBe(true);
		expect(calls().map((c) => c.id)).toEqual([first!.id]);
	});

	it('counts calls made, not reached and escalated for the report', () => {
		const { db, omar, hood, calls } = setUp();
		const [first, second] = calls();
		recordCall(
			db,
			first!.id,
			omar.id,
			{ outcome: 'well', note: '', signal: false },
			ORIGIN,
			first!.dueAt
		);
		recordCall(
			db,
			second!.id,
			omar.id,
			{ outcome: 'not_reached', note: '', signal: false },
			ORIGIN,
			second!.dueAt
		);
		recordCall(
			db,
			second!.id,
			omar.id,
			{ outcome: 'not_reached', note: '', signal: false },
			ORIGIN,
			second!.dueAt + 31 * MINUTE
		);
		const f = checkInFigures(db, [hood.id], { start: NOW, end: NOW + 7 * 24 * 60 * MINUTE });
		expect(f).toMatchObject({ made: 2, notReached: 1, escalated: 1 });
	});
});
