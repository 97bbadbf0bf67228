import { m } from '$lib/paraglide/messages.js';
import { toLocale, isolate } from '$lib/i18n';
import { renderMail } from '../mail/layout';
import type { MailToSend } from '../mail/outbox';

interface Recipient {
	id: string;
	displayName: string;
	locale: string;
}

/** The mail with the link that confirms an e-mail address (after sign-up or an address change). */
export function verifyEmailMail(user: Recipient, to: string, url: string): MailToSend {
	const locale = toLocale(user.locale);
	return {
		to,
		toName: user.displayName,
		userId: user.id,
		kind: 'verify_email',
		locale,
		...renderMail({
			locale,
			subject: m.mail_verify_subject({}, { locale }),
			greeting: m.mail_greeting({ name: isolate(user.displayName, locale) }, { locale }),
			paragraphs: [m.mail_verify_body({}, { locale })],
			action: { label: m.mail_verify_action({}, { locale }), url },
			after: m.mail_verify_after({}, { locale })
		})
	};
}

/** Sent instead of a second account when someone signs up with an address that already has one. */
export function alreadyRegisteredMail(
	user: Recipient,
	to: string,
	signInUrl: string,
	resetUrl: string
): MailToSend {
	const locale = toLocale(user.locale);
	return {
		to,
		toName: user.displayName,
		userId: user.id,
		kind: 'already_registered',
		locale,
		...renderMail({
			locale,
			subject: m.mail_already_subject({}, { locale }),
			greeting: m.mail_greeting({ name: isolate(user.displayName, locale) }, { locale }),
			paragraphs: [
				m.mail_already_body({}, { locale }),
				m.mail_already_reset({ url: resetUrl }, { locale })
			],
			action: { label: m.mail_already_action({}, { locale }), url: signInUrl },
			after: m.mail_ignore_if_not_you({}, { locale })
		})
	};
}
