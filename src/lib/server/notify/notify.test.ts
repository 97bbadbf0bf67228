import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DB } from '../db/client';
import { channelPreferences, outbox, pushSubscriptions, tasks, type User } from '../db/schema';
import { createTestDb, insertTestUser } from '../db/test-db';
import { mailboxTransport } from '../mail/transport';
import { createMailWorker } from '../mail/worker';
import { resolveShortLink } from '../links/short';
import { brussels, BRUSSELS, DAY } from '../testing/dates';
import { afterQuietHours } from './quiet-hours';
import { channelChain } from './chain';
import { fallBack } from './fallback';
import { notifyPerson, type Notice } from './notify';
import { viewTask } from '../tasks/describe';
import { GoneForGood, type ChannelTransport } from './transport';

const followUp = (path = '/follow-up/abc123'): Notice => ({
	kind: 'follow_up',
	topic: 'follow_up',
	write: () => ({
		subject: 'Hoe ging het met Jan?',
		paragraphs: ['Jan hielp je met boodschappen.'],
		action: { label: 'Vertel het ons', url: `https://buurt.example${path}` }
	}),
	followUpId: 7
});

/** A transport that records what it was given, or fails as told. */
function fakeTransport(name: string, fail?: () => Error) {
	const sent: string[] = [];
	const transport: ChannelTransport = {
		name,
		async send(row) {
			if (fail) throw fail();
			sent.push(`${row.toAddress}: ${row.shortText ?? row.subject}`);
		}
	};
	return { transport, sent };
}

const rows = (db: DB) => db.select().from(outbox).orderBy(outbox.id).all();

describe('quiet hours', () => {
	it('holds a message from 21:00 until 08:00 in the neighbourhood’s time', () => {
		const q = (at: number) => afterQuietHours(at, 21 * 60, 8 * 60, BRUSSELS);
		expect(q(brussels('2026-12-04', '12:00'))).toBe(brussels('2026-12-04', '12:00'));
		expect(q(brussels('2026-12-04', '20:59'))).toBe(brussels('2026-12-04', '20:59'));
		expect(q(brussels('2026-12-04', '21:00'))).toBe(brussels('2026-12-05', '08:00'));
		expect(q(brussels('2026-12-04', '23:30'))).toBe(brussels('2026-12-05', '08:00'));
		expect(q(brussels('2026-12-05', '07:59'))).toBe(brussels('2026-12-05', '08:00'));
		expect(q(brussels('2026-12-05', '08:00'))).toBe(brussels('2026-12-05', '08:00'));
	});

	it('ends at 08:00 local on the night summer time starts (one hour shorter)', () => {
		const end = afterQuietHours(brussels('2027-03-27', '22:00'), 21 * 60, 8 * 60, BRUSSELS);
		expect(new Date(end).toISOString()).toBe('2027-03-28T06:00:00.000Z');
	});

	it('knows quiet hours within one day, and none when from equals until', () => {
		const at = brussels('2026-12-04', '13:30');
		expect(afterQuietHours(at, 13 * 60, 14 * 60, BRUSSELS)).toBe(brussels('2026-12-04', '14:00'));
		expect(afterQuietHours(at, 0, 0, BRUSSELS)).toBe(at);
	});
});

describe('choosing the channel', () => {
	let db: DB;
	beforeEach(() => (db = createTestDb()));

	const verified = (fields: Partial<User> = {}) =>
		insertTestUser(db, { phone: '+32470123456', phoneVerifiedAt: 1, ...fields });
	const choose = (user: User, channel: 'email' | 'sms' | 'push') =>
		db
			.insert(channelPreferences)
			.values({ userId: user.id, topic: 'follow_up', channel, updatedAt: 1 })
			.run();

	it('sends by e-mail when the person chose nothing, then what else reaches them', () => {
		expect(channelChain(db, verified(), 'follow_up')).toEqual(['email', 'sms']);
		expect(channelChain(db, insertTestUser(db), 'follow_up')).toEqual(['email']);
	});

	it('puts the chosen channel first', () => {
		const person = verified();
		choose(person, 'sms');
		expect(channelChain(db, person, 'follow_up')).toEqual(['sms', 'email']);
		expect(channelChain(db, person, 'reminder')).toEqual(['email', 'sms']);
	});

	it('never sends SMS to a number not verified, or after STOP', () => {
		const unverified = insertTestUser(db, { phone: '+32470123456' });
		choose(unverified, 'sms');
		expect(channelChain(db, unverified, 'follow_up')).toEqual(['email']);
		const stopped = verified({ smsStoppedAt: 5 });
		choose(stopped, 'sms');
		expect(channelChain(db, stopped, 'follow_up')).toEqual(['email']);
	});

	it('uses push only with a device, and a letter for someone who asked for letters', () => {
		const person = verified({ email: null });
		choose(person, 'push');
		expect(channelChain(db, person, 'follow_up')).toEqual(['sms']);
		db.insert(pushSubscriptions)
			.values({
				userId: person.id,
				endpoint: 'https://p.example/1',
				p256dh: 'k',
				auth: 'a',
				createdAt: 1
			})
			.run();
		expect(channelChain(db, person, 'follow_up')).toEqual(['push', 'sms']);
		const byLetter = insertTestUser(db, { email: null, contactBy: 'letter' });
		expect(channelChain(db, byLetter, 'follow_up')).toEqual(['letter']);
		expect(channelChain(db, byLetter, 'alert')).toEqual([]);
	});

	it('sends account mails by e-mail only, whatever was chosen', () => {
		const person = verified();
		choose(person, 'sms');
		expect(channelChain(db, person, 'account')).toEqual(['email']);
	});
});

describe('notifying a person', () => {
	let db: DB;
	beforeEach(() => (db = createTestDb()));

	it('writes an SMS with a short link to the page, held until quiet hours end', () => {
		const person = insertTestUser(db, { phone: '+32470123456', phoneVerifiedAt: 1, email: null });
		const at = brussels('2026-12-04', '22:15');
		expect(db.transaction((tx) => notifyPerson(tx, person.id, followUp(), at))).toBe('sms');
		const [row] = rows(db);
		expect(row).toMatchObject({ channel: 'sms', toAddress: '+32470123456', topic: 'follow_up' });
		expect(row!.nextAttemptAt).toBe(brussels('2026-12-05', '08:00'));
		const link = /https:\/\/buurt\.example\/s\/([a-z2-7]+)$/.exec(row!.shortText!);
		expect(row!.shortText!.startsWith('Hoe ging het met Jan? ')).toBe(true);
		expect(resolveShortLink(db, link![1]!, at)).toBe('/follow-up/abc123');
		expect(resolveShortLink(db, link![1]!, at + 31 * DAY)).toBeNull();
		expect(resolveShortLink(db, `${link![1]!}a`, at)).toBeNull();
	});

	it('makes a call task when no channel reaches the person, and nothing for a deleted one', () => {
		const person = insertTestUser(db, { email: null });
		db.transaction((tx) => notifyPerson(tx, person.id, followUp(), 1000));
		expect(rows(db)).toHaveLength(0);
		const [task] = db.select().from(tasks).all();
		expect(task).toMatchObject({ kind: 'call_resident', subjectUserId: person.id });
		expect(JSON.parse(task!.details)).toMatchObject({ mailKind: 'follow_up', followUpId: 7 });
		const gone = insertTestUser(db, { status: 'deleted' });
		expect(db.transaction((tx) => notifyPerson(tx, gone.id, followUp(), 1000))).toBeNull();
	});
});

describe('falling back when a channel fails for good', () => {
	let db: DB;
	beforeEach(() => (db = createTestDb()));

	function smsPerson() {
		const person = insertTestUser(db, {
			phone: '+32470123456',
			phoneVerifiedAt: 1,
			email: 'anna@test.example'
		});
		db.insert(channelPreferences)
			.values({ userId: person.id, topic: 'follow_up', channel: 'sms', updatedAt: 1 })
			.run();
		return person;
	}

	it('sends the message by e-mail at once when the SMS number is refused', async () => {
		const person = smsPerson();
		const noon = brussels('2026-12-04', '12:00');
		db.transaction((tx) => notifyPerson(tx, person.id, followUp(), noon));
		const sms = fakeTransport('smpp', () => new GoneForGood('ESME_RINVDSTADR'));
		const worker = createMailWorker({
			db,
			transports: { email: mailboxTransport, sms: sms.transport },
			pollMs: 60_000,
			now: () => noon
		});
		await worker.runOnce();
		const [first, second] = rows(db);
		expect(first).toMatchObject({ channel: 'sms', status: 'failed', lastError: 'ESME_RINVDSTADR' });
		expect(second).toMatchObject({
			channel: 'email',
			status: 'sent',
			toAddress: 'anna@test.example',
			subject: 'Hoe ging het met Jan?',
			deliveredVia: 'mailbox'
		});
		expect(JSON.parse(second!.about)).toMatchObject({ tried: ['sms'], followUpId: 7 });
	});

	it('ends in one call task naming the channels tried, however often the failure is told', () => {
		const person = smsPerson();
		db.transaction((tx) => notifyPerson(tx, person.id, followUp(), 1000));
		const claim = (id: number) =>
			db.update(outbox).set({ status: 'sending' }).where(eq(outbox.id, id)).returning().all()[0]!;
		const sms = claim(rows(db)[0]!.id);
		expect(fallBack(db, sms, 'refused', 2000)).toBe('email');
		expect(fallBack(db, sms, 'refused', 2000)).toBeNull();
		const mail = claim(rows(db)[1]!.id);
		expect(fallBack(db, mail, '550 5.1.1 no such user', 3000)).toBe('call');
		expect(fallBack(db, mail, '550 5.1.1 no such user', 3000)).toBeNull();
		const all = db.select().from(tasks).all();
		expect(all).toHaveLength(1);
		expect(JSON.parse(all[0]!.details)).toMatchObject({ tried: ['sms', 'email'], followUpId: 7 });
		// Today says which channels were tried.
		expect(viewTask(all[0]!, 'Anna', 'en')).toMatchObject({
			tried: ['sms', 'email'],
			followUpId: 7
		});
	});

	it('sends an SMS queued at night only after 08:00, also on a retry', async () => {
		const person = smsPerson();
		let now = brussels('2026-12-04', '23:00');
		db.transaction((tx) => notifyPerson(tx, person.id, followUp(), now));
		let failures = 1;
		const sent: string[] = [];
		const worker = createMailWorker({
			db,
			transports: {
				email: mailboxTransport,
				sms: {
					name: 'smpp',
					async send(row) {
						if (failures-- > 0) throw new Error('ESME_RTHROTTLED');
						sent.push(row.shortText!);
					}
				}
			},
			pollMs: 60_000,
			now: () => now
		});
		expect(await worker.runOnce()).toBe(0);
		now = brussels('2026-12-05', '08:00');
		expect(await worker.runOnce()).toBe(1);
		expect(rows(db)[0]).toMatchObject({ status: 'pending', lastError: 'ESME_RTHROTTLED' });
		expect(sent).toHaveLength(0);
		now = brussels('2026-12-05', '08:05');
		await worker.runOnce();
		expect(sent).toHaveLength(1);
		expect(rows(db)[0]).toMatchObject({ status: 'sent', deliveredVia: 'smpp' });
	});

	it('a retry that would land in quiet hours waits for the morning', async () => {
		const person = smsPerson();
		// The first retry comes 30 s later: 21:00:15.
		let now = brussels('2026-12-04', '20:59') + 45_000;
		db.transaction((tx) => notifyPerson(tx, person.id, followUp(), now));
		const worker = createMailWorker({
			db,
			transports: {
				email: mailboxTransport,
				sms: fakeTransport('smpp', () => new Error('ESME_RSYSERR')).transport
			},
			pollMs: 60_000,
			now: () => now
		});
		await worker.runOnce();
		expect(rows(db)[0]!.nextAttemptAt).toBe(brussels('2026-12-05', '08:00'));
		now = brussels('2026-12-05', '07:59');
		expect(await worker.runOnce()).toBe(0);
	});

	it('never sends a letter by machine: it waits for the broker to print it', async () => {
		const person = insertTestUser(db, { email: null, contactBy: 'letter' });
		db.transaction((tx) => notifyPerson(tx, person.id, followUp(), 1000));
		const worker = createMailWorker({
			db,
			transports: { email: mailboxTransport },
			pollMs: 60_000,
			now: () => 2000
		});
		expect(await worker.runOnce()).toBe(0);
		expect(rows(db)[0]).toMatchObject({ channel: 'letter', status: 'pending', toAddress: '' });
		expect(rows(db)[0]!.textBody).toContain('Jan hielp je met boodschappen.');
		expect(JSON.parse(rows(db)[0]!.about)).toMatchObject({ followUpId: 7 });
	});
});
