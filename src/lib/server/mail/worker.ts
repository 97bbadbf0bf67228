import type { DB } from '../db/client';
import type { OutboxRow } from '../db/schema';
import { log } from '../log';
import type { Channel } from '$lib/notify/channels';
import { fallBack } from '../notify/fallback';
import { GoneForGood, type ChannelTransport } from '../notify/transport';
import { claimNextMail, markMailFailed, markMailSent, onMailQueued } from './outbox';

/**
 * A transport per channel the worker sends on; letters are printed by people, not sent. A row
 * on a channel without one fails for good and goes on to the person's next channel.
 */
export type Transports = { email: ChannelTransport } & Partial<
	Record<Exclude<Channel, 'letter' | 'email'>, ChannelTransport>
>;

export interface MailWorkerOptions {
	db: DB;
	transports: Transports;
	pollMs: number;
	now?: () => number;
	/** How many mails may be on their way at once. */
	inFlight?: number;
}

/**
 * A few mails on their way at once, so one slow mail server answer does not hold up the rest;
 * the last place is kept for account mails (verification, password reset), so bulk mail stuck
 * at the server never makes a person at the screen wait.
 */
export const MAILS_IN_FLIGHT = 4;

/** After the database could not record a claim or a delivery: wait 5 s, doubling up to 5 min. */
export function storageBackoffMs(failures: number): number {
	return Math.min(5_000 * 2 ** Math.max(0, failures - 1), 5 * 60_000);
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Sends due outbox rows: claim, send, mark, a few at a time. Each row is claimed in its own
 * transaction, so a crash leaves at most the mails in hand in doubt, and such a row keeps its
 * Message-ID when retried. When the database cannot record a claim or a delivery (a full disk)
 * the worker takes nothing new and waits, doubling the wait: a mail in hand then goes at most
 * once more after space returns, as after a crash, and never again and again.
 */
export function createMailWorker({
	db,
	transports,
	pollMs,
	now = Date.now,
	inFlight = MAILS_IN_FLIGHT
}: MailWorkerOptions) {
	let timer: NodeJS.Timeout | null = null;
	let running: Promise<number> | null = null;
	let wake: (() => void) | null = null;
	let again = false;
	let stopped = true;
	let stopping = false;
	let unsubscribe: (() => void) | null = null;
	let storageFailures = 0;
	let pausedUntil = -Infinity;

	function storageFailed(e: unknown, row?: OutboxRow) {
		storageFailures++;
		const waitMs = storageBackoffMs(storageFailures);
		pausedUntil = now() + waitMs;
		log.error('mail.not_recorded', {
			id: row?.id,
			error: message(e),
			pausedSeconds: waitMs / 1000
		});
	}

	/** Takes the next row, or nothing while paused, stopping, or on a failed claim. */
	function claim(inHand: Map<number, unknown>): OutboxRow | undefined {
		if (stopping || now() < pausedUntil) return undefined;
		try {
			return claimNextMail(db, now(), {
				skip: [...inHand.keys()],
				accountOnly: inFlight > 1 && inHand.size >= inFlight - 1
			});
		} catch (e) {
			storageFailed(e);
			return undefined;
		}
	}

	async function deliver(row: OutboxRow): Promise<void> {
		const transport = row.channel === 'letter' ? undefined : transports[row.channel];
		let failure: string | null = null;
		let gone = false;
		try {
			if (!transport) throw new GoneForGood(`no way to send on ${row.channel}`);
			await transport.send(row);
		} catch (e) {
			failure = message(e);
			gone = e instanceof GoneForGood;
		}
		try {
			if (failure === null) {
				markMailSent(db, row.id, transport!.name, now());
				log.info('mail.sent', { id: row.id, kind: row.kind, via: transport!.name });
			} else if (gone) {
				// This channel can never reach the person: the next one, or a call, at once.
				const next = fallBack(db, row, failure, now());
				log.warn('mail.gone', {
					id: row.id,
					kind: row.kind,
					channel: row.channel,
					next,
					error: failure
				});
			} else {
				markMailFailed(db, row, failure, now());
				log.warn('mail.failed', {
					id: row.id,
					kind: row.kind,
					channel: row.channel,
					attempt: row.attempts,
					error: failure
				});
			}
			storageFailures = 0;
		} catch (e) {
			storageFailed(e, row);
		}
	}

	/** Sends everything that is due now; resolves with the number of rows handled. */
	async function drain(): Promise<number> {
		let handled = 0;
		const inHand = new Map<number, Promise<void>>();
		for (;;) {
			while (inHand.size < inFlight) {
				const row = claim(inHand);
				if (!row) break;
				handled++;
				inHand.set(
					row.id,
					deliver(row).finally(() => inHand.delete(row.id))
				);
			}
			if (inHand.size === 0) return handled;
			// Go round when a mail is done, or when new mail is queued (an account mail may take
			// the free place although the others still hang).
			await Promise.race([...inHand.values(), new Promise<void>((resolve) => (wake = resolve))]);
			wake = null;
		}
	}

	/** Runs one drain, or asks the running one to go round once more. */
	function runOnce(): Promise<number> {
		if (running) {
			again = true;
			wake?.();
			return running;
		}
		running = drain().finally(() => {
			running = null;
			if (again && !stopped) {
				again = false;
				void runOnce();
			}
		});
		return running;
	}

	return {
		runOnce,
		start() {
			if (!stopped) return;
			stopped = false;
			stopping = false;
			unsubscribe = onMailQueued(() => void runOnce());
			const tick = () => {
				void runOnce().finally(() => {
					if (!stopped) timer = setTimeout(tick, pollMs);
				});
			};
			tick();
		},
		/** Stops polling and waits for the mails in hand to finish. */
		async stop() {
			stopped = true;
			stopping = true;
			unsubscribe?.();
			if (timer) clearTimeout(timer);
			wake?.();
			if (running) await running;
		}
	};
}
