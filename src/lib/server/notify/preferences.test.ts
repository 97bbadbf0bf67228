import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, channelPreferences, pushSubscriptions, users } from '../db/schema';
import { createTestDb } from '../db/test-db';
import { makeNeighbourhood } from '../testing/posts';
import { readReach, saveReach, usableChannels } from './preferences';

const NOW = Date.UTC(2026, 2, 3, 10);

function setUp() {
	const db = createTestDb();
	const ctx = makeNeighbourhood(db);
	const withPush = (userId: string) =>
		db
			.insert(pushSubscriptions)
			.values({
				userId,
				endpoint: `https://push.test/${userId}`,
				p256dh: 'k',
				auth: 'a',
				createdAt: 0
			})
			.run();
	return { db, ...ctx, withPush };
}

const quietOf = (db: ReturnType<typeof createTestDb>, id: string) =>
	db
		.select({ from: users.quietFromMinute, until: users.quietUntilMinute })
		.from(users)
		.where(eq(users.id, id))
		.get();

describe('how a person is reached', () => {
	it('is by e-mail for every topic until they choose, with quiet hours from 21:00 to 08:00', () => {
		const { db, resident } = setUp();
		const maria = resident('Maria', { phone: '+32470000001' });
		const reach = readReach(db, maria.id)!;
		expect(Object.values(reach.topics).map((t) => t.channel)).toEqual([
			'email',
			'email',
			'email',
			'email'
		]);
		expect(reach.channels).toEqual({
			email: { usable: true, reason: null },
			sms: { usable: false, reason: 'phone_not_verified' },
			push: { usable: false, reason: 'no_push' }
		});
		expect(reach.quiet).toEqual({ from: '21:00', until: '08:00' });
	});

	it('is by what they have when they have no e-mail address: push, else a confirmed phone', () => {
		const { db, resident, withPush } = setUp();
		const jef = resident('Jef', { email: null, phone: '+32470000002', phoneVerifiedAt: 1 });
		expect(readReach(db, jef.id)!.topics.follow_up.channel).toBe('sms');
		// The notify core's order after e-mail: push before SMS.
		withPush(jef.id);
		expect(readReach(db, jef.id)!.topics.follow_up.channel).toBe('push');
		const lea = resident('Lea', { email: null, phone: '+32470000003' });
		expect(readReach(db, lea.id)!.topics.reminder.channel).toBeNull();
		withPush(lea.id);
		expect(readReach(db, lea.id)!.topics.reminder.channel).toBe('push');
		const stopped = resident('Stop', {
			phone: '+32470000004',
			phoneVerifiedAt: 1,
			smsStoppedAt: 2
		});
		expect(readReach(db, stopped.id)!.channels.sms.reason).toBe('sms_stopped');
		expect(usableChannels(db, stopped.id)).toEqual(readReach(db, stopped.id)!.channels);
		const noPhone = resident('Zonder', { email: null });
		expect(readReach(db, noPhone.id)!.channels).toMatchObject({
			email: { reason: 'no_email' },
			sms: { reason: 'no_phone' }
		});
	});

	it('saves a usable channel per topic and quiet hours as minutes of the day', () => {
		const { db, resident } = setUp();
		const maria = resident('Maria', { phone: '+32470000001', phoneVerifiedAt: 1 });
		const saved = saveReach(
			db,
			maria.id,
			maria.id,
			{
				channels: { follow_up: 'sms', reminder: 'email' },
				quiet: { from: '22:00', until: '07:30' }
			},
			NOW
		);
		expect(saved).toEqual({ ok: true });
		const reach = readReach(db, maria.id)!;
		expect(reach.topics.follow_up).toEqual({ channel: 'sms', chosen: 'sms' });
		expect(reach.topics.proposal).toEqual({ channel: 'email', chosen: null });
		expect(quietOf(db, maria.id)).toEqual({ from: 22 * 60, until: 7 * 60 + 30 });
		expect(reach.quiet).toEqual({ from: '22:00', until: '07:30' });
		// Her own change is hers: not in the brokers' audit log.
		expect(db.select().from(auditLog).all()).toEqual([]);
	});

	it('refuses a channel that cannot reach the person, and then changes nothing', () => {
		const { db, resident } = setUp();
		const maria = resident('Maria', { phone: '+32470000001' });
		const result = saveReach(
			db,
			maria.id,
			maria.id,
			{
				channels: { reminder: 'email', follow_up: 'sms' },
				quiet: { from: '23:00', until: '06:00' }
			},
			NOW
		);
		expect(result).toEqual({ ok: false, reason: 'unusable', topic: 'follow_up' });
		expect(db.select().from(channelPreferences).all()).toEqual([]);
		expect(quietOf(db, maria.id)).toEqual({ from: 21 * 60, until: 8 * 60 });
	});

	it('stores "no quiet hours" as the same minute twice', () => {
		const { db, resident } = setUp();
		const maria = resident('Maria');
		expect(saveReach(db, maria.id, maria.id, { channels: {}, quiet: null }, NOW).ok).toBe(true);
		expect(quietOf(db, maria.id)).toEqual({ from: 0, until: 0 });
		expect(readReach(db, maria.id)!.quiet).toBeNull();
		saveReach(
			db,
			maria.id,
			maria.id,
			{ channels: {}, quiet: { from: '09:15', until: '09:15' } },
			NOW
		);
		expect(readReach(db, maria.id)!.quiet).toBeNull();
	});

	it('falls back to the default while a chosen channel cannot reach the person any more', () => {
		const { db, resident } = setUp();
		const maria = resident('Maria', { phone: '+32470000001', phoneVerifiedAt: 1 });
		saveReach(db, maria.id, maria.id, { channels: { alert: 'sms' }, quiet: null }, NOW);
		db.update(users).set({ smsStoppedAt: NOW }).where(eq(users.id, maria.id)).run();
		expect(readReach(db, maria.id)!.topics.alert).toEqual({ channel: 'email', chosen: 'sms' });
	});

	it("writes a broker's change for someone on the phone to the audit log, with who set it", () => {
		const { db, resident, hood } = setUp();
		const an = resident('An', { role: 'broker' });
		const jef = resident('Jef', { email: null, phone: '+32470000002', phoneVerifiedAt: 1 });
		const input = {
			channels: { follow_up: 'sms' as const },
			quiet: { from: '20:00', until: '09:00' }
		};
		expect(saveReach(db, jef.id, an.id, input, NOW)).toEqual({ ok: true });
		expect(db.select().from(channelPreferences).all()).toEqual([
			{ userId: jef.id, topic: 'follow_up', channel: 'sms', setById: an.id, updatedAt: NOW }
		]);
		const [entry] = db.select().from(auditLog).all();
		expect(entry).toMatchObject({
			actorId: an.id,
			action: 'resident.reach_set',
			subjectType: 'user',
			subjectId: jef.id,
			neighbourhoodId: hood.id,
			at: NOW
		});
		expect(JSON.parse(entry!.detail)).toEqual(input);
	});

	it('knows no one who does not exist', () => {
		const { db } = setUp();
		expect(readReach(db, 'nobody')).toBeNull();
		expect(usableChannels(db, 'nobody')).toBeNull();
		expect(saveReach(db, 'nobody', 'nobody', { channels: {}, quiet: null }, NOW)).toEqual({
			ok: false,
			reason: 'not_found'
		});
	});
});
