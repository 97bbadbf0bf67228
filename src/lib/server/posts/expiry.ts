import { mailPerson } from '../mail/to-person';
import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { toLocale, isolate } from '$lib/i18n';
import type { DB } from '../db/client';
import { neighbourhoods, posts, users, type Post } from '../db/schema';
import { hashToken, randomToken } from '../ids';
import { firstName } from '../profile/public';
import { markStillNeeded } from './lifecycle';
import { formatLocalDate } from '$lib/dates';
import { days } from '../calendar';
import { STILL_NEEDED_FROM, type PostStatus } from '$lib/posts/statuses';

/** The poster hears this many days before a request leaves the list. */
export const EXPIRY_WARNING_DAYS = 3;
/** The "still needed" link keeps working for a while after the request expired. */
export const STILL_NEEDED_GRACE_DAYS = 30;

/**
 * Mails every poster whose open or filled request expires within EXPIRY_WARNING_DAYS, once per
 * period, with a one-click "still needed" link (a call task, through the outbox, without e-mail).
 * Returns how many were warned.
 */
export function warnExpiringRequests(db: DB, now: number, origin: string): number {
	const due = db
		.select({ post: posts, user: users, timeZone: neighbourhoods.timeZone })
		.from(posts)
		.innerJoin(users, eq(users.id, posts.authorId))
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, posts.neighbourhoodId))
		.where(
			and(
				eq(posts.kind, 'request'),
				eq(posts.status, 'open'),
				isNull(posts.expiryWarnedAt),
				gt(posts.expiresAt, now),
				lte(posts.expiresAt, now + days(EXPIRY_WARNING_DAYS))
			)
		)
		.all();
	let warned = 0;
	for (const { post, user, timeZone } of due) {
		db.transaction((tx) => {
			// Claim the row, so two workers never warn twice.
			const token = randomToken(20);
			const claimed = tx
				.update(posts)
				.set({ expiryWarnedAt: now, stillNeededTokenHash: hashToken(token) })
				.where(and(eq(posts.id, post.id), isNull(posts.expiryWarnedAt)))
				.run();
			if (claimed.changes !== 1) return;
			warned++;
			const locale = toLocale(user.locale);
			const until = formatLocalDate(post.expiresAt!, timeZone, locale);
			const about = { name: firstName(user.displayName), title: post.title };
			mailPerson(
				tx,
				user,
				'post_expiring',
				() => ({
					subject: m.posts_expiring_subject({ title: isolate(post.title, locale) }, { locale }),
					paragraphs: [
						m.posts_expiring_body({ title: isolate(post.title, locale), date: until }, { locale }),
						m.posts_expiring_nothing({}, { locale })
					],
					action: {
						label: m.posts_still_needed_action({}, { locale }),
						url: `${origin}/posts/${post.id}/still-needed/${token}`
					}
				}),
				now,
				{
					topic: 'reminder',
					postId: post.id,
					call: {
						subject: { key: 'posts_call_expiring_subject', params: about },
						text: {
							key: 'posts_call_expiring_text',
							params: { ...about, days: EXPIRY_WARNING_DAYS }
						}
					}
				}
			);
		});
	}
	return warned;
}

export type StillNeededCheck =
	{ ok: true; post: Post } | { ok: false; reason: 'invalid' | 'expired' | 'not_needed' };

/** Looks up the post a "still needed" link belongs to, without using the link. */
export function checkStillNeededLink(
	db: DB,
	postId: number,
	token: string,
	now: number
): StillNeededCheck {
	const post = db
		.select()
		.from(posts)
		.where(and(eq(posts.id, postId), eq(posts.stillNeededTokenHash, hashToken(token))))
		.get();
	if (!post) return { ok: false, reason: 'invalid' };
	if (!(STILL_NEEDED_FROM as readonly PostStatus[]).includes(post.status))
		return { ok: false, reason: 'not_needed' };
	if (post.expiresAt !== null && now > post.expiresAt + days(STILL_NEEDED_GRACE_DAYS))
		return { ok: false, reason: 'expired' };
	return { ok: true, post };
}

/** Uses the link: the request stays for another period and the link stops working. */
export function useStillNeededLink(
	db: DB,
	postId: number,
	token: string,
	now: number
): StillNeededCheck {
	const check = checkStillNeededLink(db, postId, token, now);
	if (!check.ok) return check;
	const renewed = markStillNeeded(db, check.post, now);
	if (!renewed) return { ok: false, reason: 'not_needed' };
	db.update(posts).set({ stillNeededTokenHash: null }).where(eq(posts.id, postId)).run();
	return { ok: true, post: { ...renewed, stillNeededTokenHash: null } };
}
