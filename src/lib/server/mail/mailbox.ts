import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { outbox } from '../db/schema';
import { smsSegments } from '../sms/segments';

/** How many SMS parts a text takes (the built-in mailbox shows it beside each SMS). */
const segmentsOf = (channel: string, text: string | null) =>
	channel === 'sms' && text !== null ? smsSegments(text).segments : null;

/** The newest mails and SMS, for the mailbox page. */
export function listMailbox(db: DbOrTx, limit = 200) {
	return db
		.select({
			id: outbox.id,
			channel: outbox.channel,
			toAddress: outbox.toAddress,
			subject: outbox.subject,
			shortText: outbox.shortText,
			kind: outbox.kind,
			status: outbox.status,
			createdAt: outbox.createdAt
		})
		.from(outbox)
		.orderBy(desc(outbox.id))
		.limit(limit)
		.all()
		.map((row) => ({ ...row, segments: segmentsOf(row.channel, row.shortText) }));
}

/** One mail or SMS with its text, for the mailbox page. */
export function getMailboxMail(db: DbOrTx, id: number) {
	const row = db
		.select({
			id: outbox.id,
			channel: outbox.channel,
			shortText: outbox.shortText,
			toAddress: outbox.toAddress,
			toName: outbox.toName,
			subject: outbox.subject,
			textBody: outbox.textBody,
			status: outbox.status,
			attempts: outbox.attempts,
			lastError: outbox.lastError,
			createdAt: outbox.createdAt,
			sentAt: outbox.sentAt
		})
		.from(outbox)
		.where(eq(outbox.id, id))
		.get();
	return row && { ...row, segments: segmentsOf(row.channel, row.shortText) };
}
