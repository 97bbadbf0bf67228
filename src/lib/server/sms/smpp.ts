import smpp from 'smpp';
import { toE164 } from '$lib/phone';
import type { DB } from '../db/client';
import type { OutboxRow } from '../db/schema';
import { log } from '../log';
import { GoneForGood, type ChannelTransport } from '../notify/transport';
import { smsParts } from './parts';
import { SmppLink, statusText, type SmppLinkOptions } from './smpp-link';
import { isNumberStopped } from './stop';

/**
 * Refusals that say this number can never get this SMS: the worker then tries the person's
 * next channel at once. Everything else (ESME_RTHROTTLED, ESME_RMSGQFUL, ESME_RSYSERR,
 * ESME_RX_T_APPN, a timeout, a dropped connection) is tried again later.
 */
export const PERMANENT_STATUSES: readonly number[] = [
	smpp.errors.ESME_RINVDSTADR!,
	smpp.errors.ESME_RINVDSTTON!,
	smpp.errors.ESME_RINVDSTNPI!,
	smpp.errors.ESME_RINVDSTADDRSUBUNIT!,
	// "permanent application error" and "reject message": the SMSC's own verdict on this one.
	smpp.errors.ESME_RX_P_APPN!,
	smpp.errors.ESME_RX_R_APPN!
];

/** Where SMS_URL points: smpp://system_id:password@host:2775, or ssmpp:// for TLS. */
export function parseSmsUrl(
	url: string
): Pick<SmppLinkOptions, 'host' | 'port' | 'tls' | 'systemId' | 'password'> {
	const u = new URL(url);
	const tls = u.protocol === 'ssmpp:';
	return {
		host: u.hostname,
		port: u.port ? Number(u.port) : tls ? 3550 : 2775,
		tls,
		systemId: decodeURIComponent(u.username),
		password: decodeURIComponent(u.password)
	};
}

/** The sender as SMPP wants it: a registered name (TON 5) or an international number (TON 1). */
export function senderAddress(from: string) {
	const digits = from.replace(/^\+/, '');
	return /^\d+$/.test(digits)
		? { source_addr_ton: 1, source_addr_npi: 1, source_addr: digits }
		: { source_addr_ton: 5, source_addr_npi: 0, source_addr: from };
}

export interface SmppTransportOptions {
	url: string;
	from: string;
	db: DB;
	now: () => number;
	/** How long one submit (or waiting for a bound session) may take before it counts as failed. */
	submitTimeoutMs?: number;
	enquireLinkMs?: number;
	reconnectMinMs?: number;
	reconnectMaxMs?: number;
}

/** An SMS channel the server starts with it and closes on shutdown. */
export type SmsTransport = ChannelTransport & {
	start(): void;
	close(): Promise<void>;
};

export type SmppTransport = SmsTransport & {
	/** Starts, and resolves when the session is bound (for tests). */
	ready(): Promise<void>;
};

/**
 * SMS through an SMSC over SMPP 3.4: one long-lived transceiver session (see SmppLink) that
 * submits the outbox's SMS and hears STOP replies. A number whose owner replied STOP is never
 * sent to: GoneForGood, so the worker moves on to the person's next channel.
 */
export function smppTransport(options: SmppTransportOptions): SmppTransport {
	const timeout = options.submitTimeoutMs ?? 10_000;
	const link = new SmppLink({
		...parseSmsUrl(options.url),
		db: options.db,
		now: options.now,
		timeoutMs: timeout,
		enquireLinkMs: options.enquireLinkMs ?? 30_000,
		reconnectMinMs: options.reconnectMinMs ?? 1_000,
		reconnectMaxMs: options.reconnectMaxMs ?? 60_000
	});
	const sender = senderAddress(options.from);
	return {
		name: 'smpp',
		start: () => link.start(),
		ready() {
			link.start();
			return link.bound(timeout);
		},
		close: () => link.close(),
		async send(row: OutboxRow) {
			link.start();
			if (isNumberStopped(options.db, row.toAddress, row.userId))
				throw new GoneForGood('replied STOP');
			// Rows carry E.164; a number as people write it is read as Belgian, the pilot's country.
			const to = toE164(row.toAddress, '32');
			if (!to) throw new GoneForGood(`not a phone number: ${row.toAddress}`);
			const { dataCoding, parts } = smsParts(row.shortText ?? row.textBody, row.id);
			await link.bound(timeout);
			for (const shortMessage of parts) {
				const status = await link.submit(
					{
						...sender,
						dest_addr_ton: 1,
						dest_addr_npi: 1,
						destination_addr: to.slice(1),
						esm_class: parts.length > 1 ? 0x40 : 0,
						data_coding: dataCoding,
						short_message: shortMessage
					},
					timeout
				);
				if (status === smpp.ESME_ROK) continue;
				const why = `SMSC refused: ${statusText(status)}`;
				log.warn('sms.refused', { id: row.id, status: statusText(status) });
				if (PERMANENT_STATUSES.includes(status)) throw new GoneForGood(why);
				throw new Error(why);
			}
		}
	};
}

/**
 * Without SMS_URL the SMS stays in the database: the row is its own delivery, and the mailbox
 * page shows it beside the mails (as mailboxTransport does for mail). A number that replied
 * STOP still gets nothing, so the fallback to the next channel can be tried without an SMSC.
 */
export function smsBoxTransport(db: DB): SmsTransport {
	return {
		name: 'smsbox',
		start() {},
		close: async () => {},
		async send(row) {
			if (isNumberStopped(db, row.toAddress, row.userId)) throw new GoneForGood('replied STOP');
		}
	};
}
