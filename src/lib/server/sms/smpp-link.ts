import smpp from 'smpp';
import { toE164 } from '$lib/phone';
import type { DB } from '../db/client';
import { log } from '../log';
import { isStopReply, stopSms } from './stop';

export interface SmppLinkOptions {
	host: string;
	port: number;
	tls: boolean;
	systemId: string;
	password: string;
	db: DB;
	now: () => number;
	/** Longest wait for a response (bind, submit, enquire_link) before the attempt counts as failed. */
	timeoutMs: number;
	/** How often an idle session asks "still there?"; a missing answer drops and reconnects it. */
	enquireLinkMs: number;
	reconnectMinMs: number;
	reconnectMaxMs: number;
}

/** esm_class message types that are receipts and acknowledgements, never a person's reply. */
const NOT_A_REPLY = 0x3c;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * One SMPP transceiver session kept open for as long as the server runs: bound once, kept alive
 * with enquire_link, and when the SMSC drops it (or refuses the bind, or stops answering) built
 * again after 1 s, 2 s, 4 s … up to a minute. It hears deliver_sm too: a STOP reply switches SMS
 * off for that number before the SMSC gets its deliver_sm_resp, so a failed write is answered
 * with a temporary error and the SMSC delivers the reply again.
 */
export class SmppLink {
	private session: smpp.Session | null = null;
	private isBound = false;
	private closed = false;
	private failures = 0;
	private lastError = 'not connected yet';
	private waiters = new Set<() => void>();
	private pending = new Set<(e: Error) => void>();
	private reconnectTimer: NodeJS.Timeout | null = null;
	private enquireTimer: NodeJS.Timeout | null = null;

	private started = false;

	constructor(private readonly o: SmppLinkOptions) {}

	/** Opens the session (once): at server start, so STOP replies arrive before anything is sent. */
	start(): void {
		if (this.started || this.closed) return;
		this.started = true;
		this.connect();
	}

	/** Resolves once the session is bound; rejects after `ms` with the last reason it is not. */
	bound(ms: number): Promise<void> {
		if (this.isBound) return Promise.resolve();
		return new Promise((resolve, reject) => {
			const done = () => {
				clearTimeout(timer);
				this.waiters.delete(done);
				resolve();
			};
			const timer = setTimeout(() => {
				this.waiters.delete(done);
				reject(new Error(`No SMPP session with ${this.o.host}:${this.o.port}: ${this.lastError}`));
			}, ms);
			this.waiters.add(done);
		});
	}

	/** Sends one submit_sm and resolves with the SMSC's command_status. */
	submit(params: Record<string, unknown>, ms: number): Promise<number> {
		return new Promise((resolve, reject) => {
			const session = this.session;
			const fail = (e: Error) => {
				clearTimeout(timer);
				this.pending.delete(fail);
				reject(e);
			};
			const timer = setTimeout(
				() => fail(new Error(`The SMSC did not answer a submit_sm within ${ms} ms`)),
				ms
			);
			this.pending.add(fail);
			const sent = session?.submit_sm(params, (pdu) => {
				clearTimeout(timer);
				this.pending.delete(fail);
				resolve(pdu.command_status);
			});
			if (!sent) fail(new Error('The SMPP connection is not open'));
		});
	}

	close(): Promise<void> {
		this.closed = true;
		if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
		this.stopEnquiring();
		const session = this.session;
		if (!session) return Promise.resolve();
		return new Promise((resolve) => {
			session.once('close', () => resolve());
			if (!this.isBound) return session.destroy();
			session.unbind({}, () => session.close());
			// An SMSC that never answers the unbind must not hold up the server's shutdown.
			setTimeout(() => session.destroy(), this.o.timeoutMs).unref();
		});
	}

	private connect() {
		const { host, port, tls } = this.o;
		const session = smpp.connect({ host, port, tls });
		this.session = session;
		session.on(tls ? 'secureConnect' : 'connect', () => this.bind(session));
		session.on('error', (e: unknown) => {
			this.lastError = message(e);
			log.warn('sms.smpp_error', { error: this.lastError });
		});
		session.on('close', () => this.dropped(session));
		session.on('deliver_sm', (pdu: smpp.Pdu) => this.delivered(session, pdu));
		session.on('enquire_link', (pdu: smpp.Pdu) => session.send(pdu.response()));
		session.on('unbind', (pdu: smpp.Pdu) => {
			session.send(pdu.response());
			session.close();
		});
	}

	private bind(session: smpp.Session) {
		const timer = setTimeout(() => {
			this.lastError = 'the SMSC did not answer bind_transceiver';
			session.destroy();
		}, this.o.timeoutMs);
		session.bind_transceiver(
			{ system_id: this.o.systemId, password: this.o.password, interface_version: 0x34 },
			(pdu) => {
				clearTimeout(timer);
				if (pdu.command_status !== smpp.ESME_ROK) {
					this.lastError = `bind refused: ${statusText(pdu.command_status)}`;
					log.warn('sms.bind_refused', { status: this.lastError });
					session.close();
					return;
				}
				this.isBound = true;
				this.failures = 0;
				log.info('sms.bound', { host: this.o.host });
				this.startEnquiring(session);
				for (const w of [...this.waiters]) w();
			}
		);
	}

	private dropped(session: smpp.Session) {
		if (this.session !== session) return;
		this.isBound = false;
		this.session = null;
		this.stopEnquiring();
		for (const fail of [...this.pending]) fail(new Error('The SMPP connection closed'));
		if (this.closed) return;
		const wait = Math.min(this.o.reconnectMinMs * 2 ** this.failures, this.o.reconnectMaxMs);
		this.failures++;
		log.warn('sms.reconnect', { inMs: wait, error: this.lastError });
		this.reconnectTimer = setTimeout(() => this.connect(), wait);
		// Waiting to reconnect never keeps a stopping server alive.
		this.reconnectTimer.unref();
	}

	private startEnquiring(session: smpp.Session) {
		this.enquireTimer = setInterval(() => {
			const timer = setTimeout(() => {
				this.lastError = 'the SMSC stopped answering enquire_link';
				session.destroy();
			}, this.o.timeoutMs);
			session.enquire_link({}, () => clearTimeout(timer));
		}, this.o.enquireLinkMs);
		this.enquireTimer.unref();
	}

	private stopEnquiring() {
		if (this.enquireTimer) clearInterval(this.enquireTimer);
		this.enquireTimer = null;
	}

	private delivered(session: smpp.Session, pdu: smpp.Pdu) {
		const esmClass = Number(pdu.esm_class ?? 0);
		// Delivery receipts come as deliver_sm too; their text ("id:… stat:…") is never a reply.
		if ((esmClass & NOT_A_REPLY) !== 0) {
			session.send(pdu.response());
			return;
		}
		const text = replyText(pdu);
		const from = senderOf(pdu);
		if (!from || !isStopReply(text)) {
			session.send(pdu.response());
			return;
		}
		try {
			const stopped = this.o.db.transaction((tx) => stopSms(tx, from, this.o.now()));
			log.info('sms.stop', { people: stopped });
			session.send(pdu.response());
		} catch (e) {
			log.error('sms.stop_not_recorded', { error: message(e) });
			session.send(pdu.response({ command_status: smpp.errors.ESME_RX_T_APPN }));
		}
	}
}

const statusNames = new Map(Object.entries(smpp.errors).map(([name, code]) => [code, name]));

/** "ESME_RTHROTTLED (0x58)" for logs and the outbox's last error. */
export function statusText(status: number): string {
	return `${statusNames.get(status) ?? 'unknown status'} (0x${status.toString(16)})`;
}

/** The text of a received SMS, from short_message or the message_payload TLV. */
function replyText(pdu: smpp.Pdu): string {
	for (const field of [pdu.short_message, pdu.message_payload]) {
		const m = (field as smpp.DecodedMessage | undefined)?.message;
		if (typeof m === 'string' && m) return m;
	}
	return '';
}

/**
 * Who sent it, as E.164. SMSCs give the international number without "+" (TON 1, or often
 * TON 0); a national one starts with 0 and is read as Belgian, the pilot's country.
 */
function senderOf(pdu: smpp.Pdu): string | null {
	const addr = String(pdu.source_addr ?? '').trim();
	return toE164(addr.startsWith('0') ? addr : `+${addr.replace(/^\+/, '')}`, '32');
}
