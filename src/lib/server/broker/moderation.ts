import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import type { DB, DbOrTx } from '../db/client';
import { posts, reports, users, type Post } from '../db/schema';
import { unansweredBy } from '../matching/requests';
import { expiryFor } from '../posts/create';
import { neighbourhoodSettings } from '../neighbourhoods/settings';
import { tellPoster } from './poster-mail';

/** Posts waiting for a broker's check in these neighbourhoods, oldest first. */
export function pendingPosts(db: DbOrTx, neighbourhoodIds: number[]) {
	if (neighbourhoodIds.length === 0) return [];
	return db
		.select({
			post: posts,
			author: users.displayName,
			authorLanguages: users.languages,
			authorLocale: users.locale
		})
		.from(posts)
		.innerJoin(users, eq(users.id, posts.authorId))
		.where(and(eq(posts.status, 'pending'), inArray(posts.neighbourhoodId, neighbourhoodIds)))
		.orderBy(asc(posts.createdAt), asc(posts.id))
		.all();
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
