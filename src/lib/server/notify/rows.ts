import type { Channel, Topic } from '$lib/notify/channels';
import type { DbOrTx } from '../db/client';
import { outbox } from '../db/schema';
import { randomToken } from '../ids';
import { createShortLink } from '../links/short';
import { fitSms } from '../sms/segments';
import type { CallText } from '../tasks/texts';
import { waitsForQuietHours, type Reachee } from './chain';
import { afterPersonsQuietHours } from './quiet-hours';

/**
 * One message to one person, rendered in their language, ready for any channel: the mail's
 * subject, text and HTML, one or two plain sentences for SMS and push, and the page it is about.
 * Kept whole on each outbox row, so a fallback row can be made from a row that failed.
 */
export interface Message {
	kind: string;
	topic: Topic;
	locale: string;
	toName: string | null;
	subject: string;
	text: string;
	html: string;
	/** The short version for SMS and push. */
	short: string;
	/** The page it is about (absolute URL on this site), or null. */
	url: string | null;
	unsubscribeUrl: string | null;
	postId?: number | null;
	followUpId?: number | null;
	call?: CallText;
}

/** What an outbox row keeps in `about` beyond its columns: the short text and what a call links to. */
export interface RowAbout {
	short?: string;
	postId?: number;
	followUpId?: number;
	call?: CallText;
	/** Channels already tried and failed for good, for the call task at the end. */
	tried?: string[];
}

/** The SMS's link: a short path on this site, for the page the message is about. */
function shortUrl(tx: DbOrTx, userId: string, url: string, now: number): string {
	const long = new URL(url);
	return `${long.origin}${createShortLink(tx, { userId, target: `${long.pathname}${long.search}`, now })}`;
}

const wakeListeners = new Set<() => void>();

/** Lets the worker hear about a new row at once instead of at its next poll. */
export function onRowQueued(listener: () => void): () => void {
	wakeListeners.add(listener);
	return () => wakeListeners.delete(listener);
}

export function wakeWorkers(): void {
	// Runs after the current (synchronous) transaction has committed or rolled back.
	setImmediate(() => wakeListeners.forEach((l) => l()));
}

/**
 * Inserts the outbox row that carries `message` to `person` on `channel`, with the channels
 * still to try after it. SMS and push wait for the end of the person's quiet hours; a letter
 * waits on the broker's "letters to print" list.
 */
export function insertMessageRow(
	tx: DbOrTx,
	person: Reachee,
	channel: Channel,
	message: Message,
	fallback: Channel[],
	now: number,
	tried: string[] = []
): void {
	const toAddress =
		channel === 'email'
			? person.email!
			: channel === 'sms'
				? person.phone!
				: channel === 'push'
					? person.id
					: '';
	const shortText =
		channel === 'sms'
			? fitSms(message.short, message.url ? shortUrl(tx, person.id, message.url, now) : null)
			: channel === 'push'
				? message.short
				: null;
	const about: RowAbout = {
		short: message.short,
		...(message.postId ? { postId: message.postId } : {}),
		...(message.followUpId ? { followUpId: message.followUpId } : {}),
		...(message.call ? { call: message.call } : {}),
		...(tried.length ? { tried } : {})
	};
	tx.insert(outbox)
		.values({
			messageId: `<${randomToken(16)}@naburig>`,
			channel,
			topic: message.topic,
			toAddress,
			toName: message.toName,
			userId: person.id,
			kind: message.kind,
			locale: message.locale,
			subject: message.subject,
			textBody: message.text,
			htmlBody: message.html,
			shortText,
			url: message.url,
			unsubscribeUrl: message.unsubscribeUrl,
			fallback: JSON.stringify(fallback),
			about: JSON.stringify(about),
			nextAttemptAt: waitsForQuietHours(channel, message.topic)
				? afterPersonsQuietHours(tx, person.id, now)
				: now,
			createdAt: now
		})
		.run();
	if (channel !== 'letter') wakeWorkers();
}
