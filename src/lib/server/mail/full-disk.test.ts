import { eq } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../db/client';
import { outbox } from '../db/schema';
import { fillDisk } from '../db/test-disk-full';
import { CLAIM_MS } from './outbox';
import { startTestSmtp, type TestSmtp } from './test-smtp';
import { makeQueuedMails, makeSmtpWorker } from '../testing/mail';
import { MAILS_IN_FLIGHT, storageBackoffMs } from './worker';
import type Database from 'better-sqlite3';

let dir: string;
let db: DB;
let sqlite: Database.Database;
let smtp: TestSmtp | null = null;
let free: (() => void) | null = null;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'naburig-outbox-full-'));
	({ db, sqlite } = openDatabase(join(dir, 'outbox.db')));
});

afterEach(async () => {
	free?.();
	free = null;
	await smtp?.close();
	smtp = null;
	sqlite.close();
	rmSync(dir, { recursive: true, force: true });
});

/** How often the SMTP server received each Message-ID. */
function timesReceived(accepted: string[]): number[] {
	const counts = new Map<string, number>();
	for (const id of accepted) counts.set(id, (counts.get(id) ?? 0) + 1);
	return [...counts.values()];
}

describe('the mail worker on a full disk', () => {
	it('sends nothing while it cannot record a claim, and everything once when space returns', async () => {
		smtp = await startTestSmtp();
		makeQueuedMails(db, 3);
		let now = 0;
		const worker = makeSmtpWorker(db, smtp.url, () => now);
		free = fillDisk();
		for (let i = 0; i < 5; i++) {
			expect(await worker.runOnce()).toBe(0);
			now += 60_000;
		}
		free();
		free = null;
		expect(smtp.accepted).toEqual([]);
		now += storageBackoffMs(5);
		expect(await worker.runOnce()).toBe(3);
		expect(timesReceived(smtp.accepted)).toEqual([1, 1, 1]);
		expect(db.select().from(outbox).where(eq(outbox.status, 'sent')).all()).toHaveLength(3);
	});

	it('stops and waits when it cannot record a delivery: the mails in hand go at most once more', async () => {
		// The disk fills up while the SMTP server receives the first mail.
		smtp = await startTestSmtp((n) => {
			if (n === 1) free = fillDisk();
			return 'accept';
		});
		makeQueuedMails(db, 8);
		let now = 0;
		const worker = makeSmtpWorker(db, smtp.url, () => now);
		await worker.runOnce();
		// While the disk stays full, time passes beyond every claim: nothing is sent again.
		const whileFull = smtp.accepted.length;
		expect(whileFull).toBeGreaterThan(0);
		expect(whileFull).toBeLessThanOrEqual(MAILS_IN_FLIGHT);
		for (let i = 0; i < 5; i++) {
			now += CLAIM_MS + storageBackoffMs(10);
			await worker.runOnce();
		}
		expect(smtp.accepted).toHaveLength(whileFull);
		expect(timesReceived(smtp.accepted).every((n) => n === 1)).toBe(true);

		free!();
		free = null;
		now += CLAIM_MS + storageBackoffMs(10);
		await worker.runOnce();
		const rows = db.select().from(outbox).all();
		expect(rows.map((r) => r.status)).toEqual(Array(8).fill('sent'));
		// Every mail arrived; only those in hand when the disk filled up arrived a second time.
		expect(new Set(smtp.accepted)).toEqual(new Set(rows.map((r) => r.messageId)));
		const counts = timesReceived(smtp.accepted);
		expect(counts.every((n) => n <= 2)).toBe(true);
		expect(counts.filter((n) => n === 2).length).toBeLessThanOrEqual(whileFull);
	});
});
