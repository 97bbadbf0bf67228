import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, outbox, tasks, trustBadges } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { days } from '../calendar';
import { activeBadges } from './badges';
import { describeTask } from '../tasks/describe';
import { handleBadgeExpiry } from './expiry';
import { grantBadge } from './grant';
import { revokeBadge } from './revoke';
import { makeTrustNeighbourhood } from '../testing/trust';

const ORIGIN = 'https://buurt.example';
// Granted on 26 November 2026; the certificate was issued on 15 January 2024.
const GRANTED = Date.UTC(2026, 10, 26, 9);
// 15 January 2027, midnight in Brussels.
const EXPIRES = Date.UTC(2027, 0, 14, 23);

function world() {
	const db = createTestDb();
	const w = makeTrustNeighbourhood(db);
	const r = grantBadge(
		db,
		{
			userId: w.helper.id,
			brokerId: w.broker.id,
			kind: 'good_conduct',
			checkedOn: '2026-11-26',
			issuedOn: '2024-01-15',
			note: 'Uittreksel model 2 gezien, zonder vermeldingen.'
		},
		GRANTED
	);
	if (!r.ok) throw new Error('grant');
	expect(r.badge.expiresAt).toBe(EXPIRES);
	return { db, ...w, badge: r.badge };
}

const expiringTasks = (db: ReturnType<typeof createTestDb>) =>
	db.select().from(tasks).where(eq(tasks.kind, 'badge_expiring')).all();

describe('the badge expiry job', () => {
	it("puts the badge on Today 30 days ahead, once, in the reader's language, with a link to the person", () => {
		const { db, badge, helper, hood } = world();
		expect(handleBadgeExpiry(db, EXPIRES - days(30) - 1, ORIGIN)).toBe(0);
		expect(expiringTasks(db)).toEqual([]);
		expect(handleBadgeExpiry(db, EXPIRES - days(30), ORIGIN)).toBe(1);
		expect(handleBadgeExpiry(db, EXPIRES - days(29), ORIGIN)).toBe(0);
		const [task] = expiringTasks(db);
		expect(task).toMatchObject({
			neighbourhoodId: hood.id,
			subjectUserId: helper.id,
			dedupeKey: `badge-expiring:${badge.id}`,
			doneAt: null
		});
		const details = JSON.parse(task!.details);
		// Stored as facts, not words: each broker reads it in their own language.
		expect(details.subject).toBeUndefined();
		expect(describeTask(task!, 'Jozef Peeters', 'nl')).toEqual({
			subject: 'Jozef Peeters: “Bewijs van goed gedrag gezien” verloopt op vrijdag 15 januari 2027',
			text: expect.stringContaining('nieuwe VOG')
		});
		expect(describeTask(task!, 'Jozef Peeters', 'en').subject).toMatch(
			/^Jozef Peeters: “.+” expires on Friday.* 15.* 2027$/
		);
		expect(details.href).toBe(`/broker/residents/${helper.id}`);
		// Nothing was logged or mailed yet: the badge still counts.
		expect(db.select().from(outbox).all()).toEqual([]);
		expect(activeBadges(db, helper.id, EXPIRES - 1).map((b) => b.kind)).toEqual(['good_conduct']);
	});

	it('logs the expiry and mails the person exactly once, when the day has come', () => {
		const { db, badge, helper } = world();
		handleBadgeExpiry(db, EXPIRES - days(10), ORIGIN);
		expect(handleBadgeExpiry(db, EXPIRES - 1, ORIGIN)).toBe(0);
		expect(handleBadgeExpiry(db, EXPIRES, ORIGIN)).toBe(1);
		expect(handleBadgeExpiry(db, EXPIRES + 60_000, ORIGIN)).toBe(0);
		expect(handleBadgeExpiry(db, EXPIRES + days(40), ORIGIN)).toBe(0);

		const expired = db.select().from(auditLog).where(eq(auditLog.action, 'badge.expire')).all();
		expect(expired).toHaveLength(1);
		expect([expired[0]!.actorId, expired[0]!.subjectId]).toEqual([null, helper.id]);
		expect(JSON.parse(expired[0]!.detail)).toMatchObject({
			badgeId: badge.id,
			kind: 'good_conduct'
		});
		const mails = db.select().from(outbox).all();
		expect(mails.map((m) => [m.kind, m.toAddress])).toEqual([
			['badge_expired', 'jozef@test.example']
		]);
		expect(mails[0]!.textBody).toContain('vrijdag 15 januari 2027');
		expect(mails[0]!.textBody).not.toContain('Uittreksel model 2 gezien');
		expect(db.select().from(trustBadges).get()!.expiryHandledAt).toBe(EXPIRES);
		expect(activeBadges(db, helper.id, EXPIRES)).toEqual([]);
	});

	it('leaves revoked badges alone', () => {
		const { db, badge, broker } = world();
		revokeBadge(
			db,
			{ badgeId: badge.id, brokerId: broker.id, reason: 'Verhuisd' },
			ORIGIN,
			GRANTED
		);
		db.delete(outbox).run();
		expect(handleBadgeExpiry(db, EXPIRES - days(5), ORIGIN)).toBe(0);
		expect(handleBadgeExpiry(db, EXPIRES + 1, ORIGIN)).toBe(0);
		expect(expiringTasks(db)).toEqual([]);
		expect(db.select().from(outbox).all()).toEqual([]);
	});
});

describe('a training badge with a refresher', () => {
	it('comes on Today 30 days ahead and its holder is told when it expires', async () => {
		const { planGathering } = await import('../volunteers/gatherings');
		const { signUp } = await import('../volunteers/gathering-signups');
		const { recordAttendance } = await import('../volunteers/gathering-attendance');
		const db = createTestDb();
		const w = makeTrustNeighbourhood(db);
		db.insert(trustBadges)
			.values({ userId: w.helper.id, kind: 'met_in_person', grantedAt: 1 })
			.run();
		const planned = planGathering(
			db,
			w.broker.id,
			{
				neighbourhoodId: w.hood.id,
				kind: 'training',
				name: 'Discretie',
				date: '2026-12-10',
				startTime: '09:00',
				endTime: '12:00',
				place: 'Buurthuis',
				capacity: null,
				audience: 'volunteers',
				description: '',
				refresherMonths: 12
			},
			GRANTED
		);
		if (!planned.ok) throw new Error('plan');
		signUp(db, planned.gathering.id, w.helper.id, GRANTED);
		recordAttendance(
			db,
			w.broker.id,
			planned.gathering.id,
			[w.helper.id],
			Date.UTC(2026, 11, 10, 12)
		);
		// 10 December 2027, midnight in Brussels.
		const expires = Date.UTC(2027, 11, 9, 23);
		expect(handleBadgeExpiry(db, expires - days(31), ORIGIN)).toBe(0);
		expect(handleBadgeExpiry(db, expires - days(30), ORIGIN)).toBe(1);
		expect(expiringTasks(db)).toMatchObject([{ subjectUserId: w.helper.id }]);
		expect(db.select().from(outbox).all()).toEqual([]);
		expect(handleBadgeExpiry(db, expires, ORIGIN)).toBe(1);
		expect(
			db
				.select()
				.from(outbox)
				.all()
				.map((m) => [m.kind, m.toAddress])
		).toEqual([['badge_expired', 'jozef@test.example']]);
	});
});
