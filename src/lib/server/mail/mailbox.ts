import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { outbox } from '../db/schema';

/** The newest mails, for the mailbox page. */
export function listMailbox(db: DbOrTx, limit = 200) {
	return db
		.select({
			id: outbox.id,
			toAddress: outbox.toAddress,
			subject: outbox.subject,
			kind: outbox.kind,
			status: outbox.status,
			createdAt: outbox.createdAt
		})
		.from(outbox)
		.orderBy(desc(outbox.id))
		.limit(limit)
		.all();
}

/** One mail with its text, for the mailbox page. */
export function getMailboxMail(db: DbOrTx, id: number) {
	return db
		.select({
			id: outbox.id,
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
}
