import type { OutboxRow } from '../db/schema';

// Placeholder of the coordinator's contract (issue 18), so this branch compiles before the merge
// of main; main's file replaces it.

/** Something that can deliver one outbox row of its channel; throws when delivery failed. */
export interface ChannelTransport {
	readonly name: string;
	send(row: OutboxRow): Promise<void>;
}

/** This channel can never deliver this row: the worker falls back to the next channel at once. */
export class GoneForGood extends Error {}
