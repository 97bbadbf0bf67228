import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { toLocale } from '$lib/i18n';
import { recordAudit } from '../audit/audit';
import type { DB, DbOrTx } from '../db/client';
import { posts, reports, users, type Post } from '../db/schema';
import { unansweredBy } from '../matching/requests';
import { renderMail } from '../mail/layout';
import { enqueueMail } from '../mail/outbox';
import { expiryFor } from '../posts/create';
import { neighbourhoodSettings } from '../neighbourhoods/settings';
import { openOrFilled } from '../posts/lifecycle';
import { firstName } from '../profile/public';
import { PUBLISHED_STATUSES } from '$lib/posts/statuses';

/** Posts waiting for a broker's check in these neighbourhoods, oldest first. */
export function pendingPosts(db: DbOrTx, neighbourhoodIds: number[]) {
	if (neighbourhoodIds.length === 0) return [];
	return db
		.select({ post: posts, author: users.displayName })
		.from(posts)
		.innerJoin(users, eq(users.id, posts.authorId))
		.where(and(eq(posts.status, 'pending'), inArray(posts.neighbourhoodId, neighbourhoodIds)))
		.orderBy(asc(posts.createdAt), asc(posts.id))
		.all();
}

/** Tells the poster what the broker decided (the outbox makes it a call task without e-mail). */
function tellPoster(
	tx: DbOrTx,
	post: Post,
	kind: 'post_approved' | 'post_approved_edited' | 'post_rejected' | 'post_hidden',
	reason: string | null,
	origin: string,
	now: number
): void {
	const author = tx.select().from(users).where(eq(users.id, post.authorId)).get();
	if (!author) return;
	const locale = toLocale(author.locale);
	const title = post.title;
	const words = {
		post_approved: [m.broker_approved_subject, m.broker_approved_body],
		post_approved_edited: [m.broker_approved_subject, m.broker_approved_edited_body],
		post_rejected: [m.broker_rejected_subject, m.broker_rejected_body],
		post_hidden: [m.broker_hidden_subject, m.broker_hidden_body]
	} as const;
	const [subjectOf, bodyOf] = words[kind];
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
			...renderMail({
				locale,
				subject,
				greeting: m.mail_greeting({ name: firstName(author.displayName) }, { locale }),
				paragraphs: [text],
				action: { label: m.broker_see_post({}, { locale }), url: `${origin}/posts/${post.id}` }
			})
		},
		now
	);
}

/** The broker approves a waiting post: it goes on the list, and the poster hears so. */
export function approvePost(
	db: DB,
	postId: number,
	brokerId: string,
	origin: string,
	now: number,
	/** "Edit then approve": the broker's corrected title and text. */
	edits?: { title: string; body: string }
): Post | null {
	return db.transaction((tx) => {
		const post = tx.select().from(posts).where(eq(posts.id, postId)).get();
		if (!post || post.status !== 'pending') return null;
		const approved = tx
			.update(posts)
			.set({
				status: 'open',
				publishedAt: now,
				updatedAt: now,
				rejectionReason: null,
				expiresAt: expiryFor(
					post,
					neighbourhoodSettings(tx, post.neighbourhoodId).requestExpiryDays,
					now
				),
				...(edits ? { title: edits.title, body: edits.body } : {})
			})
			.where(and(eq(posts.id, post.id), eq(posts.status, 'pending')))
			.returning()
			.all()[0];
		if (!approved) return null;
		recordAudit(
			tx,
			{
				actorId: brokerId,
				action: 'post.approve',
				subjectType: 'post',
				subjectId: post.id,
				neighbourhoodId: post.neighbourhoodId,
				detail: { edited: edited(post, edits) }
			},
			now
		);
		tellPoster(
			tx,
			approved,
			edited(post, edits) ? 'post_approved_edited' : 'post_approved',
			null,
			origin,
			now
		);
		return approved;
	});
}

const edited = (post: Post, edits?: { title: string; body: string }) =>
	!!edits && (edits.title !== post.title || edits.body !== post.body);

/**
 * The broker takes a published post out of public view (e.g. after a report), with a reason the
 * poster reads on their page and by mail. Matches already made go on.
 */
export function hidePost(
	db: DB,
	postId: number,
	brokerId: string,
	reason: string,
	origin: string,
	now: number
): Post | null {
	return db.transaction((tx) => {
		const hidden = tx
			.update(posts)
			.set({ status: 'hidden', rejectionReason: reason, updatedAt: now })
			.where(and(eq(posts.id, postId), inArray(posts.status, [...PUBLISHED_STATUSES])))
			.returning()
			.all()[0];
		if (!hidden) return null;
		recordAudit(
			tx,
			{
				actorId: brokerId,
				action: 'post.hide',
				subjectType: 'post',
				subjectId: postId,
				neighbourhoodId: hidden.neighbourhoodId,
				detail: { reason }
			},
			now
		);
		tellPoster(tx, hidden, 'post_hidden', reason, origin, now);
		return hidden;
	});
}

/** A hidden post goes back on the list (it was hidden by mistake, or the poster fixed it). */
export function restorePost(db: DB, postId: number, brokerId: string, now: number): Post | null {
	return db.transaction((tx) => {
		const post = tx.select().from(posts).where(eq(posts.id, postId)).get();
		if (!post || post.status !== 'hidden') return null;
		const restored = tx
			.update(posts)
			.set({ status: openOrFilled(tx, post), rejectionReason: null, updatedAt: now })
			.where(and(eq(posts.id, postId), eq(posts.status, 'hidden')))
			.returning()
			.all()[0]!;
		recordAudit(
			tx,
			{
				actorId: brokerId,
				action: 'post.restore',
				subjectType: 'post',
				subjectId: postId,
				neighbourhoodId: post.neighbourhoodId
			},
			now
		);
		return restored;
	});
}

/** The broker rejects a waiting post with a reason the poster reads. */
export function rejectPost(
	db: DB,
	postId: number,
	brokerId: string,
	reason: string,
	origin: string,
	now: number
): Post | null {
	return db.transaction((tx) => {
		const rejected = tx
			.update(posts)
			.set({ status: 'rejected', rejectionReason: reason, updatedAt: now })
			.where(and(eq(posts.id, postId), eq(posts.status, 'pending')))
			.returning()
			.all()[0];
		if (!rejected) return null;
		recordAudit(
			tx,
			{
				actorId: brokerId,
				action: 'post.reject',
				subjectType: 'post',
				subjectId: postId,
				neighbourhoodId: rejected.neighbourhoodId,
				detail: { reason }
			},
			now
		);
		tellPoster(tx, rejected, 'post_rejected', reason, origin, now);
		return rejected;
	});
}

/** Reports not yet resolved in these neighbourhoods, oldest first, with what they are about. */
export function openReports(db: DbOrTx, neighbourhoodIds: number[]) {
	if (neighbourhoodIds.length === 0) return [];
	return db
		.select({
			id: reports.id,
			reason: reports.reason,
			createdAt: reports.createdAt,
			postId: reports.postId,
			postTitle: posts.title,
			personId: reports.personId,
			personName: sql<
				string | null
			>`(select u.display_name from users u where u.id = ${reports.personId})`
		})
		.from(reports)
		.leftJoin(posts, eq(posts.id, reports.postId))
		.where(and(eq(reports.status, 'open'), inArray(reports.neighbourhoodId, neighbourhoodIds)))
		.orderBy(asc(reports.createdAt))
		.all();
}

/** The broker closes a report with a note of what was done (kept for the audit). */
export function resolveReport(
	db: DB,
	reportId: number,
	neighbourhoodIds: number[],
	brokerId: string,
	note: string,
	now: number
): boolean {
	return db.transaction((tx) => {
		const report = tx.select().from(reports).where(eq(reports.id, reportId)).get();
		if (
			!report ||
			report.status !== 'open' ||
			!neighbourhoodIds.includes(report.neighbourhoodId ?? -1)
		)
			return false;
		tx.update(reports)
			.set({ status: 'resolved', resolvedById: brokerId, resolvedAt: now, resolution: note })
			.where(eq(reports.id, reportId))
			.run();
		recordAudit(
			tx,
			{
				actorId: brokerId,
				action: 'report.resolve',
				subjectType: 'report',
				subjectId: reportId,
				neighbourhoodId: report.neighbourhoodId
			},
			now
		);
		return true;
	});
}

/** Counts for the Today page; each links to where the work is done. */
export function todayCounts(db: DbOrTx, neighbourhoodIds: number[], now: number) {
	if (neighbourhoodIds.length === 0) return { pending: 0, reports: 0, unanswered: 0 };
	const inScope = inArray(posts.neighbourhoodId, neighbourhoodIds);
	const pending = db
		.select({ n: count() })
		.from(posts)
		.where(and(eq(posts.status, 'pending'), inScope))
		.get()!.n;
	const open = db
		.select({ n: count() })
		.from(reports)
		.where(and(eq(reports.status, 'open'), inArray(reports.neighbourhoodId, neighbourhoodIds)))
		.get()!.n;
	const unanswered = db
		.select({ n: count() })
		.from(posts)
		.where(and(inScope, unansweredBy(now)))
		.get()!.n;
	return { pending, reports: open, unanswered };
}
