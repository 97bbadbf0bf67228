import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import type { Channel, Topic } from '$lib/notify/channels';
import { toLocale, isolate } from '$lib/i18n';
import type { DbOrTx } from '../db/client';
import { users } from '../db/schema';
import { renderMail, type MailContent } from '../mail/layout';
import { firstName } from '../profile/public';
import type { CallText } from '../tasks/texts';
import { callInstead } from './call';
import { channelChain } from './chain';
import { insertMessageRow, type Message } from './rows';

/** A message for one person, written in their language when it is sent for them. */
export interface Notice {
	/** What the message is, e.g. "follow_up"; shown on the mailbox page and in logs. */
	kind: string;
	/** What it is about, which decides its channel (account mails always by e-mail). */
	topic: Topic;
	/** The mail: subject, paragraphs, a button. */
	write: (locale: Locale) => Omit<MailContent, 'locale' | 'greeting'>;
	/** One or two plain sentences for SMS and push; without it, the mail's subject. */
	short?: (locale: Locale) => string;
	/** The page it is about, when not the mail's button. */
	url?: string | null;
	/** Alerts: the one-click unsubscribe address. */
	unsubscribeUrl?: string | null;
	/** What a call task or letter made instead links to. */
	postId?: number | null;
	followUpId?: number | null;
	/** What the broker says on the phone, as message keys, if no channel reaches the person. */
	call?: CallText;
}

/**
 * Sends a message to one person on the channel they chose for its topic, in the transaction of
 * the change that causes it: one outbox row (the worker sends it and, if that channel fails for
 * good, makes the next) or, for someone no channel reaches, a call task for the broker.
 * Returns the channel used, 'call', or null for a deleted person.
 */
export function notifyPerson(
	tx: DbOrTx,
	personId: string,
	notice: Notice,
	now: number
): Channel | 'call' | null {
	const person = tx.select().from(users).where(eq(users.id, personId)).get();
	if (!person || person.status === 'deleted') return null;
	const locale = toLocale(person.locale);
	const content = notice.write(locale);
	const mail = renderMail({
		locale,
		greeting: m.mail_greeting({ name: isolate(firstName(person.displayName), locale) }, { locale }),
		...content
	});
	const message: Message = {
		kind: notice.kind,
		topic: notice.topic,
		locale,
		toName: person.displayName,
		...mail,
		short: notice.short?.(locale) ?? mail.subject,
		url: notice.url ?? content.action?.url ?? null,
		unsubscribeUrl: notice.unsubscribeUrl ?? null,
		postId: notice.postId,
		followUpId: notice.followUpId,
		call: notice.call
	};
	const [first, ...rest] = channelChain(tx, person, notice.topic);
	if (!first) {
		callInstead(tx, person.id, { ...message, text: message.text }, now);
		return 'call';
	}
	insertMessageRow(tx, person, first, message, rest, now);
	return first;
}
