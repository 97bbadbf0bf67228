import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import { outbox } from '../db/schema';
import { CLAIM_MS, enqueueMail, MAX_ATTEMPTS, outboxBacklog, retryDelayMs } from './outbox';
import { makeQueuedMails, makeSmtpWorker, makeMail } from '../testing/mail';
import { startTestSmtp, type TestSmtp } from './test-smtp';
import { mailboxTransport, smtpTransport } from './transport';
import { createMailWorker } from './worker';

let smtp: TestSmtp | null = null;
afterEach(async () => {
	await smtp?.close();
	smtp = null;
});

describe('the outbox and its worker', () => {
	it('delivers queued mail through SMTP and marks each row sent once', async () => {
		const db = createTestDb();
		smtp = await startTestSmtp();
		makeQueuedMails(db, 3);
		const worker = createMailWorker({
			db,
			transports: { email: smtpTransport(smtp.url, 'Naburig <t@test.example>') },
			pollMs: 60_000,
			now: () => 1000
		});
		expect(await worker.runOnce()).toBe(3);
		const rows = db.select().from(outbox).all();
		expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
		expect(smtp.accepted).toEqual(rows.map((r) => r.messageId));
		expect(await worker.runOnce()).toBe(0);
		expect(smtp.accepted).toHaveLength(3);
	});

	it('retries a failed send later, with back-off, and records the error', async () => {
		const db = createTestDb();
		smtp = await startTestSmtp((n) => (n === 1 ? 'reject' : 'accept'));
		makeQueuedMails(db, 1);
		let now = 0;
		const worker = makeSmtpWorker(db, smtp.url, () => now);
		await worker.runOnce();
		let row = db.select().from(outbox).get()!;
		expect(row.status).toBe('pending');
		expect(row.attempts).toBe(1);
		expect(row.lastError).toMatch(/Try again later/);
		expect(row.nextAttemptAt).toBe(retryDelayMs(1));
		// Not due yet: nothing happens.
		now = retryDelayMs(1) - 1;
		expect(await worker.runOnce()).toBe(0);
		now = retryDelayMs(1);
		await worker.runOnce();
		row = db.select().from(outbox).get()!;
		expect(row.status).toBe('sent');
		expect(row.attempts).toBe(2);
		expect(smtp.accepted).toEqual([row.messageId]);
	});

	it('gives up after the last attempt and marks the mail failed', async () => {
		const db = createTestDb();
		smtp = await startTestSmtp(() => 'reject');
		makeQueuedMails(db, 1);
		let now = 0;
		const worker = makeSmtpWorker(db, smtp.url, () => now);
		for (let i = 0; i < MAX_ATTEMPTS; i++) {
			await worker.runOnce();
			now += retryDelayMs(MAX_ATTEMPTS);
		}
		const row = db.select().from(outbox).get()!;
		expect(row.status).toBe('failed');
		expect(row.attempts).toBe(MAX_ATTEMPTS);
		expect(outboxBacklog(db, now)).toMatchObject({ pending: 0, failed: 1 });
	});

	it('a worker restarted in the middle of a batch sends nothing twice and loses nothing', async () => {
		const db = createTestDb();
		// The third delivery never gets an answer: the first worker "crashes" while waiting for it,
		// with the other mails gone past it.
		smtp = await startTestSmtp((n) => (n === 3 ? 'hang' : 'accept'));
		makeQueuedMails(db, 7);
		const first = makeSmtpWorker(db, smtp.url, () => 0);
		void first.runOnce();
		await expect.poll(() => smtp!.accepted.length).toBe(6);
		await expect
			.poll(() => db.select().from(outbox).where(eq(outbox.status, 'sending')).all().length)
			.toBe(1);

		// A new worker (after the restart) leaves the claimed row alone until its claim runs out…
		const second = makeSmtpWorker(db, smtp.url, () => 1);
		expect(await second.runOnce()).toBe(0);
		// …and then takes it over.
		const later = makeSmtpWorker(db, smtp.url, () => CLAIM_MS + 1);
		expect(await later.runOnce()).toBe(1);

		const rows = db.select().from(outbox).all();
		expect(rows.every((r) => r.status === 'sent')).toBe(true);
		expect([...smtp.accepted].sort()).toEqual(rows.map((r) => r.messageId).sort());
		expect(new Set(smtp.accepted).size).toBe(7);
	});

	it('never sends a mail queued in a transaction that rolled back', async () => {
		const db = createTestDb();
		smtp = await startTestSmtp();
		expect(() =>
			db.transaction((tx) => {
				enqueueMail(tx, makeMail(1), 0);
				throw new Error('the change that caused the mail failed');
			})
		).toThrow(/failed/);
		const worker = makeSmtpWorker(db, smtp.url, () => 0);
		expect(await worker.runOnce()).toBe(0);
		expect(db.select().from(outbox).all()).toHaveLength(0);
		expect(smtp.accepted).toHaveLength(0);
	});

	it('keeps mail in the database as delivered to the built-in mailbox when no SMTP is set', async () => {
		const db = createTestDb();
		makeQueuedMails(db, 2);
		const worker = createMailWorker({
			db,
			transports: { email: mailboxTransport },
			pollMs: 60_000,
			now: () => 5
		});
		await worker.runOnce();
		const rows = db.select().from(outbox).all();
		expect(rows.map((r) => [r.status, r.deliveredVia, r.sentAt])).toEqual([
			['sent', 'mailbox', 5],
			['sent', 'mailbox', 5]
		]);
	});

	it('wakes up for new mail without waiting for the next poll', async () => {
		const db = createTestDb();
		smtp = await startTestSmtp();
		const worker = createMailWorker({
			db,
			transports: { email: smtpTransport(smtp.url, 't@test.example') },
			pollMs: 3_600_000
		});
		worker.start();
		makeQueuedMails(db, 1, Date.now());
		await expect.poll(() => smtp!.accepted.length, { timeout: 5000 }).toBe(1);
		await worker.stop();
	});
});
