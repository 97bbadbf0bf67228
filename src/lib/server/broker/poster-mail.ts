import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { toLocale, isolate } from '$lib/i18n';
import type { DbOrTx } from '../db/client';
import { users, type Post } from '../db/schema';
import { renderMail } from '../mail/layout';
import { enqueueMail } from '../mail/outbox';
import { firstName } from '../profile/public';

/** What a broker decided about a post, as the kind of mail the poster gets. */
export type DecisionMail =
	'post_approved' | 'post_approved_edited' | 'post_rejected' | 'post_hidden';

/** Tells the poster what the broker decided (the outbox makes it a call task without e-mail). */
export function tellPoster(
	tx: DbOrTx,
	post: Post,
	kind: DecisionMail,
	reason: string | null,
	origin: string,
	now: number
): void {
	const author = tx.select().from(users).where(eq(users.id, post.authorId)).get();
	if (!author) return;
	const locale = toLocale(author.locale);
	const title = isolate(post.title, locale);
	const words = {
		post_approved: ['broker_approved_subject', 'broker_approved_body'],
		post_approved_edited: ['broker_approved_subject', 'broker_approved_edited_body'],
		post_rejected: ['broker_rejected_subject', 'broker_rejected_body'],
		post_hidden: ['broker_hidden_subject', 'broker_hidden_body']
	} as const;
	const [subjectKey, bodyKey] = words[kind];
	const [subjectOf, bodyOf] = [m[subjectKey], m[bodyKey]];
	const subject = subjectOf({ title }, { locale });
	const text = bodyOf({ title, reason: reason ?? '' }, { locale });
	enqueueMail(
		tx,
		{
			to: author.email,
			toName: author.displayName,
			userId: author.id,
			kind,
			postId: post.id,
			locale,
			// Without e-mail the broker calls, and reads this in their own language.
			call: {
				subject: { key: subjectKey, params: { title: post.title } },
				text: { key: bodyKey, params: { title: post.title, reason: reason ?? '' } }
			},
			...renderMail({
				locale,
				subject,
				greeting: m.mail_greeting(
					{ name: isolate(firstName(author.displayName), locale) },
					{ locale }
				),
				paragraphs: [text],
				action: { label: m.broker_see_post({}, { locale }), url: `${origin}/posts/${post.id}` }
			})
		},
		now
	);
}
