import type { OutboxRow } from '../db/schema';

/**
 * Something that delivers one outbox row on its channel (SMTP, SMPP, Web Push); throws when
 * delivery failed. An ordinary error is tried again with back-off; `GoneForGood` says this
 * channel can never deliver the row, and the worker falls back to the next channel at once.
 */
export interface ChannelTransport {
	/** Recorded as the row's `deliveredVia`, e.g. "smtp", "mailbox", "smpp", "webpush". */
	readonly name: string;
	send(row: OutboxRow): Promise<void>;
}

/** This channel cannot reach the person for good: number unknown or stopped, no push device left. */
export class GoneForGood extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'GoneForGood';
	}
}
