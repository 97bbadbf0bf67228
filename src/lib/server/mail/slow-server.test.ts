import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import { outbox } from '../db/schema';
import type { DB } from '../db/client';
import { makeQueuedMails, makeSmtpWorker } from '../testing/mail';
import { startSilentSmtp, startTestSmtp } from './test-smtp';
import { SMTP_TIMEOUTS, smtpTransport } from './transport';
import { createMailWorker, MAILS_IN_FLIGHT } from './worker';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
	while (closers.length) await closers.pop()!();
});

const messageIds = (db: DB, kind: string) =>
	new Set(
		db
			.select({ id: outbox.messageId })
			.from(outbox)
			.where(eq(outbox.kind, kind))
			.all()
			.map((r) => r.id)
	);

describe('the mail worker and a slow mail server', () => {
	it('gives up on a server that never greets within seconds, for several mails at once', async () => {
		const db = createTestDb();
		const silent = await startSilentSmtp();
		closers.push(silent.close);
		makeQueuedMails(db, MAILS_IN_FLIGHT - 1);
		const worker = makeSmtpWorker(db, silent.url);
		const started = Date.now();
		expect(await worker.runOnce()).toBe(MAILS_IN_FLIGHT - 1);
		// All of them in about one greeting timeout, not one after the other (nor 30 s each).
		expect(Date.now() - started).toBeLessThan(SMTP_TIMEOUTS.greetingTimeout + 3_000);
		const rows = db.select().from(outbox).all();
		expect(rows.map((r) => r.status)).toEqual(Array(MAILS_IN_FLIGHT - 1).fill('pending'));
		expect(rows[0]!.lastError).toMatch(/greeting/i);
	});

	it('sends a password reset at once while bulk mails hang at the server, and nothing twice', async () => {
		const db = createTestDb();
		makeQueuedMails(db, 10, 0, 'follow_up');
		const bulk = messageIds(db, 'follow_up');
		// The server takes bulk mails in and never answers them; account mails it accepts.
		const smtp = await startTestSmtp((_n, id) => (bulk.has(id) ? 'hang' : 'accept'));
		closers.push(smtp.close);
		const worker = createMailWorker({
			db,
			transports: {
				email: smtpTransport(smtp.url, 't@test.example', {
					...SMTP_TIMEOUTS,
					socketTimeout: 1_000
				})
			},
			pollMs: 60_000
		});
		worker.start();
		closers.push(worker.stop);
		// Every place for bulk mail is taken by a mail that hangs…
		await expect
			.poll(() => db.select().from(outbox).where(eq(outbox.status, 'sending')).all().length)
			.toBe(MAILS_IN_FLIGHT - 1);
		// …when someone asks for a new password.
		const asked = Date.now();
		makeQueuedMails(db, 1, asked, 'reset_password');
		const reset = [...messageIds(db, 'reset_password')][0]!;
		await expect.poll(() => smtp.accepted, { timeout: 900 }).toContain(reset);
		expect(Date.now() - asked).toBeLessThan(900);
		expect(smtp.accepted).toEqual([reset]);
		await worker.stop();
		// The hung bulk mails were given up on this time (each tried once), to be tried later.
		const rows = db.select().from(outbox).where(eq(outbox.kind, 'follow_up')).all();
		expect(rows.filter((r) => r.attempts > 1)).toEqual([]);
		expect(rows.filter((r) => r.status === 'sent')).toEqual([]);
	});

	it('never sends a mail twice with several in flight and two workers on one database', async () => {
		const db = createTestDb();
		makeQueuedMails(db, 30);
		makeQueuedMails(db, 5, 0, 'verify_email');
		const smtp = await startTestSmtp();
		closers.push(smtp.close);
		const worker = () => makeSmtpWorker(db, smtp.url);
		const [a, b] = await Promise.all([worker().runOnce(), worker().runOnce()]);
		expect(a + b).toBe(35);
		expect(smtp.accepted).toHaveLength(35);
		expect(new Set(smtp.accepted).size).toBe(35);
	});

	it('sends account mails before bulk mail that was queued earlier', async () => {
		const db = createTestDb();
		makeQueuedMails(db, 6);
		makeQueuedMails(db, 1, 1, 'verify_email');
		const smtp = await startTestSmtp();
		closers.push(smtp.close);
		const worker = createMailWorker({
			db,
			transports: { email: smtpTransport(smtp.url, 't@test.example') },
			pollMs: 60_000,
			inFlight: 1,
			now: () => 10
		});
		await worker.runOnce();
		expect(smtp.accepted[0]).toBe([...messageIds(db, 'verify_email')][0]);
		expect(smtp.accepted).toHaveLength(7);
	});
});
