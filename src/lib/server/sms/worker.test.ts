import { eq } from 'drizzle-orm';
import smpp from 'smpp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../db/client';
import { createTestDb, insertTestUser } from '../db/test-db';
import { channelPreferences, outbox } from '../db/schema';
import { mailboxTransport } from '../mail/transport';
import { createMailWorker } from '../mail/worker';
import { notifyPerson, type Notice } from '../notify/notify';
import { brussels, MINUTE } from '../testing/dates';
import { smppTransport, type SmppTransport } from './smpp';
import { startTestSmpp, type TestSmpp } from './test-smpp';

const reminder: Notice = {
	kind: 'loan_reminder',
	topic: 'reminder',
	write: () => ({ subject: 'Morgen breng je de ladder terug', paragraphs: ['Tot morgen.'] }),
	short: () => 'Morgen breng je de ladder terug naar het buurthuis.'
};

let db: DB;
let smsc: TestSmpp;
let sms: SmppTransport;
let now: number;

/** A person who chose SMS for reminders, with a proved number and an e-mail address. */
function personWhoChoseSms() {
	const person = insertTestUser(db, { phone: '+32470123456', phoneVerifiedAt: 1 });
	db.insert(channelPreferences)
		.values({ userId: person.id, topic: 'reminder', channel: 'sms', updatedAt: 1 })
		.run();
	db.transaction((tx) => notifyPerson(tx, person.id, reminder, now));
	return person;
}

async function start(submit: (n: number) => number) {
	smsc = await startTestSmpp({ submit });
	sms = smppTransport({
		url: smsc.url,
		from: 'Naburig',
		db,
		now: () => now,
		submitTimeoutMs: 3_000
	});
	await sms.ready();
	return createMailWorker({
		db,
		transports: { email: mailboxTransport, sms },
		pollMs: 60_000,
		now: () => now
	});
}

beforeEach(() => {
	db = createTestDb();
	now = brussels('2026-12-04', '10:00');
});

afterEach(async () => {
	await sms.close();
	await smsc.close();
});

describe('the outbox worker with an SMSC', () => {
	it('sends the SMS again after the SMSC throttled it, once it accepts', async () => {
		const worker = await start((n) => (n === 1 ? smpp.errors.ESME_RTHROTTLED! : smpp.ESME_ROK));
		personWhoChoseSms();
		await worker.runOnce();
		const [waiting] = db.select().from(outbox).all();
		expect(waiting).toMatchObject({ channel: 'sms', status: 'pending', attempts: 1 });
		expect(waiting!.lastError).toContain('ESME_RTHROTTLED');
		expect(smsc.received).toEqual([]);

		now += MINUTE;
		await worker.runOnce();
		const [sent] = db.select().from(outbox).all();
		expect(sent).toMatchObject({ status: 'sent', deliveredVia: 'smpp' });
		expect(smsc.received.map((r) => r.text)).toEqual([
			'Morgen breng je de ladder terug naar het buurthuis.'
		]);
	});

	it('falls back to e-mail at once when the SMSC refuses the number for good', async () => {
		const worker = await start(() => smpp.errors.ESME_RINVDSTADR!);
		const person = personWhoChoseSms();
		await worker.runOnce();
		const rows = db
			.select()
			.from(outbox)
			.where(eq(outbox.userId, person.id))
			.orderBy(outbox.id)
			.all();
		expect(rows.map((r) => [r.channel, r.status])).toEqual([
			['sms', 'failed'],
			['email', 'sent']
		]);
		expect(rows[0]!.lastError).toContain('ESME_RINVDSTADR');
	});
});
