import nodemailer from 'nodemailer';
import type { OutboxRow } from '../db/schema';

/** Something that can deliver one outbox row; throws when delivery failed. */
export interface MailTransport {
	readonly name: 'smtp' | 'mailbox';
	send(row: OutboxRow): Promise<void>;
}

/** Delivers through an SMTP server given as a URL, e.g. smtp://user:pass@host:587. */
export function smtpTransport(url: string, from: string): MailTransport {
	const transporter = nodemailer.createTransport(url);
	return {
		name: 'smtp',
		async send(row) {
			await transporter.sendMail({
				from,
				to: row.toName ? { name: row.toName, address: row.toAddress } : row.toAddress,
				subject: row.subject,
				text: row.textBody,
				html: row.htmlBody,
				messageId: row.messageId,
				headers: { 'X-Naburig-Kind': row.kind, 'Content-Language': row.locale }
			});
		}
	};
}

/**
 * Without SMTP settings the mail stays in the database: the row is its own delivery, and the
 * mailbox page shows it.
 */
export const mailboxTransport: MailTransport = {
	name: 'mailbox',
	async send() {}
};
