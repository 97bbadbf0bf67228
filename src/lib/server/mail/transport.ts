import nodemailer from 'nodemailer';
import type { OutboxRow } from '../db/schema';

/** Something that can deliver one outbox row; throws when delivery failed. */
export interface MailTransport {
	readonly name: 'smtp' | 'mailbox';
	send(row: OutboxRow): Promise<void>;
}

export interface SmtpTimeouts {
	connectionTimeout: number;
	greetingTimeout: number;
	socketTimeout: number;
}

/**
 * Nodemailer waits 2 minutes for a connection, 30 s for the greeting and 10 minutes of silence:
 * a server that accepts and never answers held every mail for half a minute. A working server
 * connects and greets within a second.
 */
export const SMTP_TIMEOUTS: SmtpTimeouts = {
	connectionTimeout: 5_000,
	greetingTimeout: 5_000,
	socketTimeout: 30_000
};

/** Delivers through an SMTP server given as a URL, e.g. smtp://user:pass@host:587. */
export function smtpTransport(
	url: string,
	from: string,
	timeouts: SmtpTimeouts = SMTP_TIMEOUTS
): MailTransport {
	const transporter = nodemailer.createTransport({ url, ...timeouts });
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
