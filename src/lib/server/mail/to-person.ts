import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import { toLocale } from '$lib/i18n';
import type { DbOrTx } from '../db/client';
import { firstName } from '../profile/public';
import { renderMail, type MailContent } from './layout';
import { enqueueMail, type MailToSend } from './outbox';

/** Whom a mail goes to; `email` null for someone registered without one. */
export interface Addressee {
	id: string;
	email: string | null;
	displayName: string;
	locale: string | null;
}

/**
 * Queues a mail to one person, in their language and greeted by their first name. Someone
 * without e-mail gets a call task for the broker instead (the outbox does it); `about` says
 * what that task links to and what the broker says.
 */
export function mailPerson(
	tx: DbOrTx,
	person: Addressee,
	kind: string,
	write: (locale: Locale) => Omit<MailContent, 'locale' | 'greeting'>,
	now: number,
	about: Pick<MailToSend, 'postId' | 'followUpId' | 'call'> = {}
): void {
	const locale = toLocale(person.locale);
	enqueueMail(
		tx,
		{
			to: person.email,
			toName: person.displayName,
			userId: person.id,
			kind,
			locale,
			...about,
			...renderMail({
				locale,
				greeting: m.mail_greeting({ name: firstName(person.displayName) }, { locale }),
				...write(locale)
			})
		},
		now
	);
}
