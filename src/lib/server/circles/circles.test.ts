import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { localInstant } from '../calendar';
import {
	circleSlots,
	matches,
	outbox,
	posts,
	residentProxies,
	tasks,
	type Circle
} from '../db/schema';
import { createTestDb } from '../db/test-db';
import { makeNeighbourhood } from '../testing/posts';
import { circleMoments } from '../calendar-feeds/circle-moments';
import { openCircle } from './access';
import { circlesOf, handOver, removeMember, startCircle, updateSettings } from './circles';
import { invite, joinWithCode } from './invitations';
import { offerOpenSlots, takeFromOpenList } from './open-slots';
import { addPlanItem, askSwap, giveBackSlot, occurrences, planView, takeSlot } from './plan';
import { sendSlotReminders } from './reminders';
import { slotForViewer } from './slot-view';

const TZ = 'Europe/Brussels';
const ORIGIN = 'https://naburig.example';
const HOUR = 3_600_000;
// Monday 1 March 2027, 08:00 in Brussels.
const NOW = localInstant('2027-03-01', '08:00', TZ);

function setUp() {
	const db = createTestDb();
	const { hood, resident, category } = makeNeighbourhood(db);
	const jozef = resident('Jozef Peeters');
	const ann = resident('Ann Peeters');
	const rita = resident('Rita Claes');
	const omar = resident('Omar Haddad');
	const stranger = resident('Stefan Wouters');
	db.insert(residentProxies)
		.values({ residentId: jozef.id, proxyUserId: ann.id, consentAt: 0 })
		.run();
	const started = startCircle(
		db,
		{ centreId: jozef.id, startedById: ann.id, byBroker: false },
		NOW
	);
	if (!started.ok) throw new Error('not started');
	return { db, hood, category, jozef, ann, rita, omar, stranger, circle: started.circle };
}

/** Someone joins with a printed code. */
function join(
	db: ReturnType<typeof createTestDb>,
	circle: Circle,
	inviterId: string,
	userId: string
) {
	const made = invite(
		db,
		circle,
		{ way: 'code', name: 'Buur', address: '' },
		inviterId,
		ORIGIN,
		NOW
	);
	if (!made.ok) throw new Error('no invite');
	expect(joinWithCode(db, made.code.toLowerCase().replace('-', ' '), userId, NOW)).toMatchObject({
		ok: true
	});
	return made.code;
}

describe('a weekly task across summer time', () => {
	it('keeps the same local time on both sides of the change (spring and autumn)', () => {
		const item = { repeat: 'weekly' as const, date: '2027-03-23', time: '09:30' };
		const spring = occurrences(item, '2027-03-20', '2027-04-03', TZ);
		expect(spring.map((o) => o.date)).toEqual(['2027-03-23', '2027-03-30']);
		// 09:30 in Brussels is 08:30 UTC in winter and 07:30 UTC in summer (28 March 2027).
		expect(spring.map((o) => new Date(o.startsAt).toISOString())).toEqual([
			'2027-03-23T08:30:00.000Z',
			'2027-03-30T07:30:00.000Z'
		]);
		const autumn = occurrences(
			{ repeat: 'weekly', date: '2027-10-26', time: '09:30' },
			'2027-10-26',
			'2027-11-02',
			TZ
		);
		expect(autumn.map((o) => new Date(o.startsAt).toISOString())).toEqual([
			'2027-10-26T07:30:00.000Z',
			'2027-11-02T08:30:00.000Z'
		]);
	});

	it('starts from the first week in the range, and a one-off happens once', () => {
		const weekly = occurrences(
			{ repeat: 'weekly', date: '2027-01-05', time: '10:00' },
			'2027-03-01',
			'2027-03-14',
			TZ
		);
		expect(weekly.map((o) => o.date)).toEqual(['2027-03-02', '2027-03-09']);
		expect(
			occurrences(
				{ repeat: 'once', date: '2027-03-03', time: '10:00' },
				'2027-03-01',
				'2027-03-14',
				TZ
			)
		).toHaveLength(1);
		expect(
			occurrences(
				{ repeat: 'once', date: '2027-04-03', time: '10:00' },
				'2027-03-01',
				'2027-03-14',
				TZ
			)
		).toHaveLength(0);
	});
});

describe('a care circle', () => {
	it('is started by a carer for her father, who is its centre; she coordinates', () => {
		const { db, circle, jozef, ann, rita } = setUp();
		expect(circle.centreId).toBe(jozef.id);
		expect(circle.coordinatorId).toBe(ann.id);
		// As his carer she also gives his consents.
		expect(openCircle(db, circle.id, ann.id)?.role).toBe('carer');
		expect(openCircle(db, circle.id, jozef.id)?.role).toBe('centre');
		// Someone who does not care for him cannot start one around him.
		expect(
			startCircle(db, { centreId: jozef.id, startedById: rita.id, byBroker: false }, NOW)
		).toEqual({
			ok: false,
			error: 'circles_err_person'
		});
		// A second start returns the same circle.
		const again = startCircle(
			db,
			{ centreId: jozef.id, startedById: ann.id, byBroker: false },
			NOW
		);
		expect(again).toMatchObject({ ok: true, existed: true });
	});

	it('is closed: only members see it, and a member of one circle cannot open another', () => {
		const { db, circle, ann, rita, stranger } = setUp();
		expect(openCircle(db, circle.id, rita.id)).toBeNull();
		join(db, circle, ann.id, rita.id);
		expect(openCircle(db, circle.id, rita.id)?.role).toBe('member');
		const other = startCircle(
			db,
			{ centreId: stranger.id, startedById: stranger.id, byBroker: false },
			NOW
		);
		if (!other.ok) throw new Error('x');
		expect(openCircle(db, other.circle.id, rita.id)).toBeNull();
		expect(circlesOf(db, rita.id).map((c) => c.id)).toEqual([circle.id]);
	});

	it('invites by code once: a used, withdrawn or wrong code does not work', () => {
		const { db, circle, ann, rita, omar } = setUp();
		const code = join(db, circle, ann.id, rita.id);
		expect(joinWithCode(db, code, omar.id, NOW)).toEqual({ ok: false, error: 'circles_err_code' });
		expect(joinWithCode(db, 'AAAA-AAAA', omar.id, NOW)).toEqual({
			ok: false,
			error: 'circles_err_code'
		});
		// Invitations by mail and SMS go through the outbox, with the code in the link.
		invite(
			db,
			circle,
			{ way: 'email', name: 'Omar', address: 'omar@test.example' },
			ann.id,
			ORIGIN,
			NOW
		);
		invite(db, circle, { way: 'sms', name: 'Omar', address: '0470 12 34 56' }, ann.id, ORIGIN, NOW);
		const sent = db.select().from(outbox).where(eq(outbox.kind, 'circle_invitation')).all();
		expect(sent.map((r) => [r.channel, r.toAddress])).toEqual([
			['email', 'omar@test.example'],
			['sms', '+32470123456']
		]);
		expect(sent[1]!.shortText).toContain('/circles/join?code=');
		expect(
			invite(db, circle, { way: 'sms', name: 'X', address: '015 20 30 40' }, ann.id, ORIGIN, NOW)
		).toEqual({
			ok: false,
			field: 'address',
			error: 'circles_err_phone'
		});
	});

	it('lets nobody try codes endlessly', () => {
		const { db, omar } = setUp();
		for (let i = 0; i < 10; i++)
			expect(joinWithCode(db, 'AAAA-AAAA', omar.id, NOW + 1)).toEqual({
				ok: false,
				error: 'circles_err_code'
			});
		expect(joinWithCode(db, 'AAAA-AAAA', omar.id, NOW + 1)).toEqual({
			ok: false,
			error: 'circles_err_code_wait'
		});
	});

	it('hands the coordinator role to a member, who is told; a member who leaves frees their moments', () => {
		const { db, circle, ann, rita, category } = setUp();
		join(db, circle, ann.id, rita.id);
		expect(handOver(db, circle, rita.id, ann.id, ORIGIN, NOW)).toBe(true);
		expect(
			db.select().from(outbox).where(eq(outbox.kind, 'circle_coordinator')).all()
		).toHaveLength(1);
		const fresh = openCircle(db, circle.id, rita.id)!;
		expect(fresh.role).toBe('coordinator');
		addPlanItem(
			db,
			fresh.circle,
			{
				title: 'Boodschappen',
				note: '',
				categoryId: category.id,
				repeat: 'weekly',
				date: '2027-03-02',
				time: '09:30',
				durationMinutes: 60
			},
			ann.id,
			NOW
		);
		const slot = planView(db, fresh.circle, NOW)[0]!;
		expect(takeSlot(db, fresh.circle, slot.id, rita.id, ORIGIN, NOW)).toBe('ok');
		expect(removeMember(db, fresh.circle, rita.id, rita.id, NOW)).toBe(true);
		expect(planView(db, fresh.circle, NOW)[0]!.open).toBe(true);
		expect(openCircle(db, circle.id, rita.id)).toBeNull();
	});
});

describe('the plan', () => {
	function withPlan() {
		const s = setUp();
		join(s.db, s.circle, s.ann.id, s.rita.id);
		join(s.db, s.circle, s.ann.id, s.omar.id);
		addPlanItem(
			s.db,
			s.circle,
			{
				title: 'Boodschappen',
				note: 'Lijstje op de koelkast',
				categoryId: s.category.id,
				repeat: 'weekly',
				date: '2027-03-02',
				time: '09:30',
				durationMinutes: 60
			},
			s.ann.id,
			NOW
		);
		return s;
	}

	it('shows two weeks of moments and which nobody took', () => {
		const { db, circle } = withPlan();
		const plan = planView(db, circle, NOW);
		expect(plan.map((s) => new Date(s.startsAt).toISOString())).toEqual([
			'2027-03-02T08:30:00.000Z',
			'2027-03-09T08:30:00.000Z'
		]);
		expect(plan.every((s) => s.open)).toBe(true);
	});

	it('adds a task once when the form is sent twice', () => {
		const { db, circle, ann, category } = withPlan();
		const input = {
			title: 'Bezoek',
			note: '',
			categoryId: category.id,
			repeat: 'once' as const,
			date: '2027-03-05',
			time: '15:00',
			durationMinutes: 60,
			submissionKey: 'same-key-0123456789'
		};
		const first = addPlanItem(db, circle, input, ann.id, NOW);
		const second = addPlanItem(db, circle, input, ann.id, NOW);
		expect(second.id).toBe(first.id);
		expect(planView(db, circle, NOW).filter((s) => s.title === 'Bezoek')).toHaveLength(1);
	});

	it('lets one member take a moment; a second at the same time gets "taken"', () => {
		const { db, circle, rita, omar, stranger } = withPlan();
		const slot = planView(db, circle, NOW)[0]!;
		expect(takeSlot(db, circle, slot.id, rita.id, ORIGIN, NOW)).toBe('ok');
		expect(takeSlot(db, circle, slot.id, omar.id, ORIGIN, NOW)).toBe('taken');
		expect(takeSlot(db, circle, slot.id, stranger.id, ORIGIN, NOW)).toBe('not_member');
		expect(planView(db, circle, NOW)[0]).toMatchObject({ takenById: rita.id, open: false });
	});

	it('swaps: the taker asks, another member takes it, and the first is told', () => {
		const { db, circle, rita, omar } = withPlan();
		const slot = planView(db, circle, NOW)[0]!;
		takeSlot(db, circle, slot.id, rita.id, ORIGIN, NOW);
		expect(askSwap(db, circle.id, slot.id, omar.id, NOW)).toBe(false);
		expect(askSwap(db, circle.id, slot.id, rita.id, NOW)).toBe(true);
		expect(takeSlot(db, circle, slot.id, omar.id, ORIGIN, NOW)).toBe('ok');
		const told = db.select().from(outbox).where(eq(outbox.kind, 'circle_swapped')).all();
		expect(told.map((r) => r.userId)).toEqual([rita.id]);
		expect(giveBackSlot(db, circle.id, slot.id, omar.id, NOW)).toBe(true);
		expect(planView(db, circle, NOW)[0]!.open).toBe(true);
	});

	it('reminds whoever took a moment once, the day before', () => {
		const { db, circle, rita } = withPlan();
		const slot = planView(db, circle, NOW)[0]!;
		takeSlot(db, circle, slot.id, rita.id, ORIGIN, NOW);
		expect(sendSlotReminders(db, NOW, ORIGIN)).toBe(0);
		const dayBefore = slot.startsAt - 23 * HOUR;
		expect(sendSlotReminders(db, dayBefore, ORIGIN)).toBe(1);
		expect(sendSlotReminders(db, dayBefore + HOUR, ORIGIN)).toBe(0);
		const mail = db.select().from(outbox).where(eq(outbox.kind, 'circle_reminder')).get()!;
		expect(mail.userId).toBe(rita.id);
		expect(mail.subject).toContain('Boodschappen');
	});

	it('puts the moments in each member’s calendar feed, with who took them', () => {
		const { db, circle, rita, omar, stranger } = withPlan();
		const slot = planView(db, circle, NOW)[0]!;
		takeSlot(db, circle, slot.id, rita.id, ORIGIN, NOW);
		const reader = { locale: 'en' as const, origin: ORIGIN, since: NOW };
		const omars = circleMoments(db, { userId: omar.id }, reader);
		// The weeks kept ready (three), each with who took it.
		expect(omars.map((e) => e.summary)).toEqual([
			'Boodschappen with Jozef: Rita',
			'Boodschappen with Jozef: nobody yet',
			'Boodschappen with Jozef: nobody yet'
		]);
		expect(circleMoments(db, { userId: rita.id }, reader)[0]!.summary).toBe(
			'Boodschappen with Jozef: you'
		);
		expect(circleMoments(db, { userId: stranger.id }, reader)).toEqual([]);
	});
});

describe('a moment nobody took', () => {
	function untaken(openSlots: 'keep' | 'open_list' | 'broker') {
		const s = setUp();
		updateSettings(
			s.db,
			s.circle,
			{ openSlots, offerHoursBefore: 48, brokerMayRead: false },
			s.ann.id,
			NOW
		);
		const circle = openCircle(s.db, s.circle.id, s.ann.id)!.circle;
		addPlanItem(
			s.db,
			circle,
			{
				title: 'Vuilnisbak buiten',
				note: '',
				categoryId: s.category.id,
				repeat: 'once',
				date: '2027-03-04',
				time: '19:00',
				durationMinutes: 15
			},
			s.ann.id,
			NOW
		);
		const slot = planView(s.db, circle, NOW)[0]!;
		return { ...s, circle, slot };
	}

	it('waits until the set hours before it is due, then goes on the open list with consent', () => {
		const { db, slot, jozef } = untaken('open_list');
		expect(offerOpenSlots(db, slot.startsAt - 49 * HOUR, ORIGIN)).toBe(0);
		expect(offerOpenSlots(db, slot.startsAt - 47 * HOUR, ORIGIN)).toBe(1);
		expect(offerOpenSlots(db, slot.startsAt - 46 * HOUR, ORIGIN)).toBe(0);
		const row = db.select().from(circleSlots).where(eq(circleSlots.id, slot.id)).get()!;
		expect(row.offeredTo).toBe('open_list');
		const post = db.select().from(posts).where(eq(posts.id, row.postId!)).get()!;
		// A request for the centre, open, at an approximate place, gone once the moment passed.
		expect(post).toMatchObject({
			kind: 'request',
			status: 'open',
			authorId: jozef.id,
			title: 'Vuilnisbak buiten',
			expiresAt: slot.startsAt
		});
		expect(post.approxCell).not.toBe('');
		expect(db.select().from(outbox).where(eq(outbox.kind, 'circle_open_slot')).all()).toHaveLength(
			1
		);
	});

	it('without consent stays in the circle: no request, the coordinator is told', () => {
		const { db, slot, ann } = untaken('keep');
		expect(offerOpenSlots(db, slot.startsAt - 47 * HOUR, ORIGIN)).toBe(1);
		expect(db.select().from(posts).all()).toHaveLength(0);
		expect(db.select().from(tasks).all()).toHaveLength(0);
		expect(db.select().from(outbox).where(eq(outbox.kind, 'circle_open_slot')).get()?.userId).toBe(
			ann.id
		);
	});

	it('goes to the broker’s Today when the centre chose the broker', () => {
		const { db, slot, jozef, circle } = untaken('broker');
		offerOpenSlots(db, slot.startsAt - 47 * HOUR, ORIGIN);
		const task = db.select().from(tasks).get()!;
		expect(task).toMatchObject({ kind: 'circle_open_slot', subjectUserId: jozef.id, doneAt: null });
		expect(db.select().from(posts).all()).toHaveLength(0);
		// Someone in the circle takes it after all: the broker's task is done.
		expect(takeSlot(db, circle, slot.id, jozef.id, ORIGIN, slot.startsAt - 40 * HOUR)).toBe('ok');
		expect(db.select().from(tasks).get()!.doneAt).toBe(slot.startsAt - 40 * HOUR);
	});

	it('is taken by a neighbour from outside, who then sees this moment only', () => {
		const { db, slot, stranger, rita, ann } = untaken('open_list');
		offerOpenSlots(db, slot.startsAt - 47 * HOUR, ORIGIN);
		const post = db.select().from(posts).get()!;
		const later = slot.startsAt - 40 * HOUR;
		expect(slotForViewer(db, slot.id, stranger.id)).toBeNull();
		expect(takeFromOpenList(db, post, stranger.id, ORIGIN, later)).toEqual({
			ok: true,
			slotId: slot.id
		});
		expect(
			db
				.select()
				.from(matches)
				.where(and(eq(matches.postId, post.id), eq(matches.helperId, stranger.id)))
				.all()
		).toHaveLength(1);
		expect(db.select().from(posts).get()!.status).toBe('filled');
		const seen = slotForViewer(db, slot.id, stranger.id)!;
		expect(seen).toMatchObject({ title: 'Vuilnisbak buiten', centre: 'Jozef', circleId: null });
		expect(seen.conversationId).not.toBeNull();
		expect(slotForViewer(db, slot.id, rita.id)).toBeNull();
		expect(
			db.select().from(outbox).where(eq(outbox.kind, 'circle_outside_take')).get()?.userId
		).toBe(ann.id);
		// A second neighbour is too late.
		expect(
			takeFromOpenList(db, db.select().from(posts).get()!, rita.id, ORIGIN, later)
		).toMatchObject({ ok: false });
	});
});
