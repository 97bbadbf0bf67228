import { and, eq } from 'drizzle-orm';
import type { Channel } from '$lib/notify/channels';
import type { DbOrTx } from '../db/client';
import { outbox, users, type OutboxRow } from '../db/schema';
import { callInstead } from './call';
import { canReach } from './chain';
import { insertMessageRow, type Message, type RowAbout } from './rows';

function parseAbout(row: OutboxRow): RowAbout {
	try {
		return JSON.parse(row.about) as RowAbout;
	} catch {
		return {};
	}
}

/** The message a row carries, to send it again on another channel. */
export function messageOf(row: OutboxRow): Message {
	const about = parseAbout(row);
	return {
		kind: row.kind,
		topic: row.topic,
		locale: row.locale,
		toName: row.toName,
		subject: row.subject,
		text: row.textBody,
		html: row.htmlBody,
		short: about.short ?? row.subject,
		url: row.url,
		unsubscribeUrl: row.unsubscribeUrl,
		postId: about.postId,
		followUpId: about.followUpId,
		call: about.call
	};
}

/**
 * A row its channel can never deliver (number refused or stopped, no push device left, mailbox
 * unknown): marked failed, and in the same transaction the next channel the person can still
 * be reached on gets the message, or else the broker a call task (never for an account mail:
 * its link is for the person at the screen). Only while the row is still claimed, so it happens
 * once however often this is called. Returns what was done next, or null.
 */
export function fallBack(
	db: DbOrTx,
	row: OutboxRow,
	error: string,
	now: number
): Channel | 'call' | null {
	return db.transaction((tx) => {
		const { changes } = tx
			.update(outbox)
			.set({ status: 'failed', lastError: error.slice(0, 1000), lockedUntil: null })
			.where(and(eq(outbox.id, row.id), eq(outbox.status, 'sending')))
			.run();
		if (changes === 0 || !row.userId) return null;
		const person = tx.select().from(users).where(eq(users.id, row.userId)).get();
		if (!person || person.status === 'deleted') return null;
		const tried = [...(parseAbout(row).tried ?? []), row.channel];
		const message = messageOf(row);
		const [next, ...rest] = (JSON.parse(row.fallback) as Channel[]).filter(
			(c) => !tried.includes(c) && canReach(tx, person, c)
		);
		if (next) {
			insertMessageRow(tx, person, next, message, rest, now, tried);
			return next;
		}
		if (row.topic === 'account') return null;
		callInstead(tx, person.id, { ...message, tried }, now);
		return 'call';
	});
}
