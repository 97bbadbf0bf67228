import nodemailer from 'nodemailer';
import { GoneForGood, type ChannelTransport } from '../notify/transport';

/** Delivers e-mail rows of the outbox; throws when delivery failed. */
export interface MailTransport extends ChannelTransport {
	readonly name: 'smtp' | 'mailbox';
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
			try {
				await transporter.sendMail({
					from,
					to: row.toName ? { name: row.toName, address: row.toAddress } : row.toAddress,
					subject: row.subject,
					text: row.textBody,
					html: row.htmlBody,
					messageId: row.messageId,
					headers: {
						'X-Naburig-Kind': row.kind,
						'Content-Language': row.locale,
						// One-click unsubscribe for alerts (RFC 8058): the mail program posts to the address.
						...(row.unsubscribeUrl
							? {
									'List-Unsubscribe': `<${row.unsubscribeUrl}>`,
									'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
								}
							: {})
					}
				});
			} catch (e) {
				// The receiving server says the mailbox does not exist (5.1.1 and kin): no retry
				// will change that, so the message goes to the person's next channel.
				const { responseCode, response } = e as { responseCode?: number; response?: string };
				if (responseCode && responseCode >= 550 && /\b5\.1\.(1|10)\b/.test(response ?? ''))
					throw new GoneForGood(e instanceof Error ? e.message : String(e));
				throw e;
			}
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
