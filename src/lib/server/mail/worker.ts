import type { DB } from '../db/client';
import { log } from '../log';
import { claimNextMail, markMailFailed, markMailSent, onMailQueued } from './outbox';
import type { MailTransport } from './transport';

export interface MailWorkerOptions {
	db: DB;
	transport: MailTransport;
	pollMs: number;
	now?: () => number;
}

/**
 * Sends due outbox rows one at a time: claim, send, mark. Claiming one row at a time means a
 * crash can leave at most one mail in doubt, and that row keeps its Message-ID when retried.
 */
export function createMailWorker({ db, transport, pollMs, now = Date.now }: MailWorkerOptions) {
	let timer: NodeJS.Timeout | null = null;
	let running: Promise<number> | null = null;
	let again = false;
	let stopped = true;
	let stopping = false;
	let unsubscribe: (() => void) | null = null;

	/** Sends everything that is due now; resolves with the number of rows handled. */
	async function drain(): Promise<number> {
		let handled = 0;
		for (;;) {
			if (stopping) break;
			const row = claimNextMail(db, now());
			if (!row) break;
			handled++;
			try {
				await transport.send(row);
				markMailSent(db, row.id, transport.name, now());
				log.info('mail.sent', { id: row.id, kind: row.kind, via: transport.name });
			} catch (e) {
				const message = e instanceof Error ? e.message : String(e);
				markMailFailed(db, row, message, now());
				log.warn('mail.failed', {
					id: row.id,
					kind: row.kind,
					attempt: row.attempts,
					error: message
				});
			}
		}
		return handled;
	}

	/** Runs one drain, or asks the running one to go round once more. */
	function runOnce(): Promise<number> {
		if (running) {
			again = true;
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
		/** Stops polling and waits for the mail in hand to finish. */
		async stop() {
			stopped = true;
			stopping = true;
			unsubscribe?.();
			if (timer) clearTimeout(timer);
			if (running) await running;
		}
	};
}
