import type { Locale } from '$lib/paraglide/runtime.js';
import type { DbOrTx } from '../db/client';
import type { MailContent } from './layout';
import { notifyPerson, type Notice } from '../notify/notify';

/** Whom a mail goes to; `email` null for someone registered without one. */
export interface Addressee {
	id: string;
	email: string | null;
	displayName: string;
	locale: string | null;
}

/**
 * Queues a message to one person, in their language and greeted by their first name, on the
 * channel they chose for its topic (`about.topic`; the site's other notices go by e-mail).
 * Someone no channel reaches gets a call task for the broker instead; `about` says what that
 * task links to and what the broker says.
 */
export function mailPerson(
	tx: DbOrTx,
	person: Addressee,
	kind: string,
	write: (locale: Locale) => Omit<MailContent, 'locale' | 'greeting'>,
	now: number,
	about: Partial<Omit<Notice, 'kind' | 'write'>> = {}
): void {
	notifyPerson(tx, person.id, { topic: 'other', ...about, kind, write }, now);
}
