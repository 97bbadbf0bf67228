import { m } from '$lib/paraglide/messages.js';
import { isolate } from '$lib/i18n';
import type { Locale } from '$lib/paraglide/runtime.js';
import { bandText } from '$lib/posts/describe';
import type { DbOrTx } from '../db/client';
import { categoryName } from '../categories/pilot';
import { distanceBand } from '../geo/distance';
import { channelChain, type Reachee } from '../notify/chain';
import { notifyPerson } from '../notify/notify';
import type { NewRequest } from './requests';
import { unsubscribeUrl } from './unsubscribe';

/** A title in the SMS or push text is cut here, so the whole text stays within two SMS. */
const SHORT_TITLE = 40;

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/**
 * Sends one alert to a person, through the outbox in the caller's transaction, on the channel
 * they chose for alerts: a mail listing each request (title, category, distance in words,
 * link), a short text for SMS and push, and the one-click unsubscribe link (the mail's
 * List-Unsubscribe header) beside the settings link. Someone no channel reaches gets nothing:
 * an alert is not worth a call from the neighbourhood worker. Returns whether it was sent.
 */
export function sendAlert(
	tx: DbOrTx,
	person: Reachee,
	requests: NewRequest[],
	now: number,
	origin: string
): boolean {
	if (channelChain(tx, person, 'alert').length === 0) return false;
	const count = requests.length;
	const stopUrl = unsubscribeUrl(tx, origin, person.id);
	const write = (locale: Locale) => ({
		subject: m.alerts_mail_subject({ count }, { locale }),
		paragraphs: [m.alerts_mail_intro({ count }, { locale })],
		list: requests.map((r) => ({
			text: m.alerts_mail_item(
				{
					title: isolate(r.title, locale),
					category: categoryName(r.categoryNames, locale),
					distance: bandText(distanceBand(r.metres), locale)
				},
				{ locale }
			),
			url: `${origin}/posts/${r.id}`
		})),
		action: {
			label: m.alerts_mail_action({}, { locale }),
			url: `${origin}/posts?kind=request&sort=newest`
		},
		after: m.alerts_mail_why({}, { locale }),
		footer: [
			{ text: m.alerts_mail_settings({}, { locale }), url: `${origin}/account/alerts` },
			{ text: m.alerts_mail_stop({}, { locale }), url: stopUrl }
		]
	});
	const short = (locale: Locale) =>
		m.alerts_short(
			{ count, title: isolate(cut(requests[0]!.title, SHORT_TITLE), locale) },
			{ locale }
		);
	notifyPerson(
		tx,
		person.id,
		{
			kind: 'alert',
			topic: 'alert',
			write,
			short,
			// A tap on the SMS or push opens the one request, or the list of them.
			url:
				count === 1
					? `${origin}/posts/${requests[0]!.id}`
					: `${origin}/posts?kind=request&sort=newest`,
			unsubscribeUrl: stopUrl
		},
		now
	);
	return true;
}
