import { m } from '$lib/paraglide/messages.js';
import { toLocale, isolate } from '$lib/i18n';
import { renderMail } from '../mail/layout';
import type { MailToSend } from '../mail/outbox';

/** Who a mail goes to: enough to greet them in their own language. */
interface Recipient {
	id: string;
	displayName: string;
	locale: string;
}

function base(user: Recipient, to: string, kind: string) {
	const locale = toLocale(user.locale);
	return { locale, head: { to, toName: user.displayName, userId: user.id, kind, locale } };
}

/** The link to choose a new password; it works for one hour, once. */
export function resetPasswordMail(user: Recipient, to: string, url: string): MailToSend {
	const { locale, head } = base(user, to, 'reset_password');
	return {
		...head,
		...renderMail({
			locale,
			subject: m.account_mail_reset_subject({}, { locale }),
			greeting: m.mail_greeting({ name: isolate(user.displayName, locale) }, { locale }),
			paragraphs: [m.account_mail_reset_body({}, { locale })],
			action: { label: m.account_mail_reset_action({}, { locale }), url },
			after: m.account_mail_reset_after({}, { locale })
		})
	};
}

/** Sent to the NEW address: its link makes that address the account's address. */
export function confirmNewEmailMail(user: Recipient, newAddress: string, url: string): MailToSend {
	const { locale, head } = base(user, newAddress, 'change_email');
	return {
		...head,
		...renderMail({
			locale,
			subject: m.account_mail_change_subject({}, { locale }),
			greeting: m.mail_greeting({ name: isolate(user.displayName, locale) }, { locale }),
			paragraphs: [m.account_mail_change_body({}, { locale })],
			action: { label: m.account_mail_change_action({}, { locale }), url },
			after: m.account_mail_change_after({}, { locale })
		})
	};
}

/** Sent to the OLD address, so a person whose session was taken over notices the change. */
export function emailChangeNoticeMail(
	user: Recipient,
	oldAddress: string,
	newAddress: string,
	resetUrl: string
): MailToSend {
	const { locale, head } = base(user, oldAddress, 'change_email_notice');
	return {
		...head,
		...renderMail({
			locale,
			subject: m.account_mail_notice_subject({}, { locale }),
			greeting: m.mail_greeting({ name: isolate(user.displayName, locale) }, { locale }),
			paragraphs: [m.account_mail_notice_body({ email: newAddress }, { locale })],
			after: m.account_mail_not_you({ url: resetUrl }, { locale })
		})
	};
}

/**
 * Sent to the owner of an address someone else tried to move their account to; the person who
 * asked gets the same answer as for a free address, so nobody learns who has an account.
 */
export function emailInUseMail(owner: Recipient, to: string, signInUrl: string): MailToSend {
	const { locale, head } = base(owner, to, 'email_in_use');
	return {
		...head,
		...renderMail({
			locale,
			subject: m.account_mail_in_use_subject({}, { locale }),
			greeting: m.mail_greeting({ name: isolate(owner.displayName, locale) }, { locale }),
			paragraphs: [m.account_mail_in_use_body({}, { locale })],
			action: { label: m.account_mail_in_use_action({}, { locale }), url: signInUrl },
			after: m.mail_ignore_if_not_you({}, { locale })
		})
	};
}

/** Tells a person their password changed (by themselves, or by a reset link). */
export function passwordChangedMail(user: Recipient, to: string, resetUrl: string): MailToSend {
	const { locale, head } = base(user, to, 'password_changed');
	return {
		...head,
		...renderMail({
			locale,
			subject: m.account_mail_password_subject({}, { locale }),
			greeting: m.mail_greeting({ name: isolate(user.displayName, locale) }, { locale }),
			paragraphs: [m.account_mail_password_body({}, { locale })],
			after: m.account_mail_not_you({ url: resetUrl }, { locale })
		})
	};
}
