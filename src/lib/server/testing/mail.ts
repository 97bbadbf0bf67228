import { eq } from 'drizzle-orm';
import type { DB } from '../db/client';
import { outbox } from '../db/schema';
import { enqueueMail, type MailToSend } from '../mail/outbox';
import { smtpTransport } from '../mail/transport';
import { createMailWorker } from '../mail/worker';

/** Mail number `n` of a test: to a neighbour of its own, with its own subject. */
export const makeMail = (n: number, kind = 'test'): MailToSend => ({
	to: `buur${n}@test.example`,
	kind,
	locale: 'nl',
	subject: `Bericht ${n}`,
	text: `Hallo ${n}`,
	html: `<p>Hallo ${n}</p>`
});

/** Queues test mails 1 to `count` in one transaction. */
export function makeQueuedMails(db: DB, count: number, now = 0, kind = 'test'): void {
	db.transaction((tx) => {
		for (let i = 1; i <= count; i++) enqueueMail(tx, makeMail(i, kind), now);
	});
}

/** A mail worker sending to a test SMTP server; it polls only when the test calls runOnce. */
export function makeSmtpWorker(db: DB, url: string, now?: () => number) {
	return createMailWorker({
		db,
		transports: { email: smtpTransport(url, 't@test.example') },
		pollMs: 60_000,
		now
	});
}

/** The mails in the outbox for one address. */
export const mailsTo = (db: DB, address: string) =>
	db.select().from(outbox).where(eq(outbox.toAddress, address)).all();
