import { desc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { DB } from '../db/client';
import { outbox, pushSubscriptions, type User } from '../db/schema';
import { createTestDb, insertTestUser } from '../db/test-db';
import { randomToken } from '../ids';
import { createMailWorker } from '../mail/worker';
import { insertMessageRow } from '../notify/rows';
import { GoneForGood } from '../notify/transport';
import { saveSubscription } from './subscriptions';
import {
	decryptPush,
	makeTestBrowser,
	startTestPushService,
	type TestPushService
} from './test-push-service';
import { pushTransport } from './transport';
import { vapidKeys } from './vapid';

const NOW = 1_800_000_000_000;
const SUBJECT = 'mailto:buurt@test.example';

let service: TestPushService | null = null;
afterEach(async () => {
	await service?.close();
	service = null;
});

/** A push row for this person, as the worker hands it to the transport. */
function pushRow(db: DB, person: User) {
	db.insert(outbox)
		.values({
			messageId: `<${randomToken()}@naburig>`,
			toAddress: person.id,
			userId: person.id,
			kind: 'test',
			locale: 'nl',
			subject: 'Iemand wil helpen',
			textBody: '',
			htmlBody: '',
			shortText: 'Jozef kan dinsdag je lamp ophangen.',
			url: 'http://localhost/posts/7',
			channel: 'push',
			nextAttemptAt: NOW,
			createdAt: NOW
		})
		.run();
	return db
		.select()
		.from(outbox)
		.where(eq(outbox.toAddress, person.id))
		.orderBy(desc(outbox.id))
		.get()!;
}

async function setUp() {
	const db = createTestDb();
	service = await startTestPushService();
	const person = insertTestUser(db);
	const phone = makeTestBrowser(service.url);
	saveSubscription(db, person.id, flat(phone.subscription('/phone')), 'Chrome/Android', NOW - 1000);
	return {
		db,
		person,
		phone,
		service,
		transport: pushTransport(db, { subject: SUBJECT, now: () => NOW })
	};
}

const flat = (s: { endpoint: string; keys: { p256dh: string; auth: string } }) => ({
	endpoint: s.endpoint,
	...s.keys
});

const subscriptionsIn = (db: DB) => db.select().from(pushSubscriptions).all();

describe('sending a push row', () => {
	it('posts it encrypted and signed, and the browser decrypts title, body and link', async () => {
		const { db, person, phone, service, transport } = await setUp();
		await transport.send(pushRow(db, person));

		const push = await service.next('/phone');
		const { publicKey } = vapidKeys(db);
		expect(push.headers['content-encoding']).toBe('aes128gcm');
		expect(push.headers['ttl']).toBe('86400');
		expect(push.headers['urgency']).toBe('normal');
		expect(push.headers['authorization']).toMatch(
			new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${publicKey}$`)
		);
		// The JWT names the push service as audience and us as subject.
		const jwt = /t=([^,]+)/.exec(push.headers['authorization']!)![1]!;
		const claims = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString());
		expect(claims).toMatchObject({ aud: service.url, sub: SUBJECT });
		expect(push.body.toString()).not.toContain('lamp');
		expect(decryptPush(phone, push)).toEqual({
			title: 'Iemand wil helpen',
			body: 'Jozef kan dinsdag je lamp ophangen.',
			url: 'http://localhost/posts/7',
			tag: expect.stringMatching(/^naburig-\d+$/)
		});
		expect(subscriptionsIn(db)[0]!.lastSentAt).toBe(NOW);
	});

	it('goes to every device of the person', async () => {
		const { db, person, service, transport } = await setUp();
		const laptop = makeTestBrowser(service.url);
		saveSubscription(db, person.id, flat(laptop.subscription('/laptop')), 'Firefox/Linux', NOW);
		await transport.send(pushRow(db, person));
		expect(decryptPush(laptop, await service.next('/laptop'))).toMatchObject({
			title: 'Iemand wil helpen'
		});
		expect(service.received.map((p) => p.path).sort()).toEqual(['/laptop', '/phone']);
	});

	it('forgets a subscription answered 410 and, with none left, gives up for good', async () => {
		const { db, person, service, transport } = await setUp();
		service.answer('/phone', 410);
		await expect(transport.send(pushRow(db, person))).rejects.toBeInstanceOf(GoneForGood);
		expect(subscriptionsIn(db)).toEqual([]);
		// Nothing left to try: the next row fails for good at once, without asking anyone.
		await expect(transport.send(pushRow(db, person))).rejects.toBeInstanceOf(GoneForGood);
		expect(service.received).toHaveLength(1);
	});

	it('forgets a 404 but is delivered when another device took it', async () => {
		const { db, person, service, transport } = await setUp();
		const laptop = makeTestBrowser(service.url);
		saveSubscription(db, person.id, flat(laptop.subscription('/laptop')), 'Firefox/Linux', NOW);
		service.answer('/phone', 404);
		await transport.send(pushRow(db, person));
		expect(subscriptionsIn(db).map((s) => s.endpoint)).toEqual([`${service.url}/laptop`]);
	});

	it('retries (an ordinary error) when the push service fails, keeping the subscription', async () => {
		const { db, person, service, transport } = await setUp();
		service.answer('/phone', 500);
		const failure = await transport.send(pushRow(db, person)).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(Error);
		expect(failure).not.toBeInstanceOf(GoneForGood);
		expect((failure as Error).message).toContain('500');
		expect(subscriptionsIn(db)).toHaveLength(1);
		expect(subscriptionsIn(db)[0]!.lastSentAt).toBeNull();
	});

	it('retries when the push service cannot be reached', async () => {
		const { db, person, service, transport } = await setUp();
		await service.close();
		const failure = await transport.send(pushRow(db, person)).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(Error);
		expect(failure).not.toBeInstanceOf(GoneForGood);
		expect(subscriptionsIn(db)).toHaveLength(1);
	});
});

describe('the outbox worker with the push transport', () => {
	it('sends a push row as "webpush"; when every device is gone the message goes by e-mail', async () => {
		const { db, person, service, transport } = await setUp();
		const mailed: string[] = [];
		const worker = createMailWorker({
			db,
			transports: {
				email: {
					name: 'mailbox',
					send: async (row) => void mailed.push(`${row.toAddress}: ${row.subject}`)
				},
				push: transport
			},
			pollMs: 60_000,
			now: () => NOW
		});
		const message = {
			kind: 'test',
			topic: 'account' as const,
			locale: 'nl',
			toName: null,
			subject: 'Iemand wil helpen',
			text: 'Jozef kan dinsdag je lamp ophangen.',
			html: '',
			short: 'Jozef kan dinsdag.',
			url: null,
			unsubscribeUrl: null
		};
		insertMessageRow(db, person, 'push', message, ['email'], NOW);
		await worker.runOnce();
		expect(
			db
				.select()
				.from(outbox)
				.all()
				.map((r) => [r.channel, r.status, r.deliveredVia])
		).toEqual([['push', 'sent', 'webpush']]);
		expect(mailed).toEqual([]);

		service.answer('/phone', 410);
		insertMessageRow(db, person, 'push', message, ['email'], NOW);
		await worker.runOnce();
		await worker.runOnce();
		expect(mailed).toEqual([`${person.email}: Iemand wil helpen`]);
		expect(subscriptionsIn(db)).toEqual([]);
	});
});
