import { and, eq, inArray, or } from 'drizzle-orm';
import { blocks, matches, messages, posts, reports, responses, trustBadges } from '../db/schema';
import type { DeletionStep, ExportSection } from '../privacy/steps';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** What the marketplace stores about a person, for the data download. */
export const marketplaceExport: ExportSection[] = [
	{
		key: 'posts',
		collect: (db, p) =>
			db
				.select()
				.from(posts)
				.where(eq(posts.authorId, p.id))
				.all()
				.map((x) => ({
					id: x.id,
					kind: x.kind,
					status: x.status,
					title: x.title,
					body: x.body,
					when: {
						type: x.whenType,
						date: x.whenDate,
						from: x.whenFrom,
						to: x.whenTo,
						day: x.recurringDay,
						part: x.recurringPart
					},
					durationMinutes: x.durationMinutes,
					helpersNeeded: x.helpersNeeded,
					place: { type: x.placeType, label: x.placeLabel, lat: x.exactLat, lon: x.exactLon },
					createdAt: iso(x.createdAt),
					publishedAt: iso(x.publishedAt),
					rejectionReason: x.rejectionReason
				}))
	},
	{
		key: 'responses',
		collect: (db, p) =>
			db
				.select({
					postId: responses.postId,
					message: responses.message,
					status: responses.status,
					createdAt: responses.createdAt
				})
				.from(responses)
				.where(eq(responses.responderId, p.id))
				.all()
				.map((r) => ({ ...r, createdAt: iso(r.createdAt) }))
	},
	{
		key: 'messagesSent',
		collect: (db, p) =>
			db
				.select({ conversation: messages.responseId, body: messages.body, at: messages.createdAt })
				.from(messages)
				.where(eq(messages.senderId, p.id))
				.all()
				.map((m) => ({ ...m, at: iso(m.at) }))
	},
	{
		key: 'matches',
		collect: (db, p) =>
			db
				.select()
				.from(matches)
				.where(or(eq(matches.helperId, p.id), eq(matches.requesterId, p.id)))
				.all()
				.map((m) => ({
					postId: m.postId,
					role: m.helperId === p.id ? 'helper' : 'helped',
					status: m.status,
					agreedAt: iso(m.agreedAt),
					endedAt: iso(m.endedAt)
				}))
	},
	{
		key: 'trustBadges',
		collect: (db, p) =>
			db
				.select({
					kind: trustBadges.kind,
					label: trustBadges.label,
					grantedAt: trustBadges.grantedAt,
					expiresAt: trustBadges.expiresAt,
					revokedAt: trustBadges.revokedAt
				})
				.from(trustBadges)
				.where(eq(trustBadges.userId, p.id))
				.all()
				.map((b) => ({
					...b,
					grantedAt: iso(b.grantedAt),
					expiresAt: iso(b.expiresAt),
					revokedAt: iso(b.revokedAt)
				}))
	},
	{
		key: 'blocked',
		collect: (db, p) =>
			db.select({ personId: blocks.blockedId }).from(blocks).where(eq(blocks.blockerId, p.id)).all()
				.length
	},
	{
		key: 'reportsMade',
		collect: (db, p) =>
			db
				.select({ reason: reports.reason, at: reports.createdAt, status: reports.status })
				.from(reports)
				.where(eq(reports.reporterId, p.id))
				.all()
				.map((r) => ({ ...r, at: iso(r.at) }))
	}
];

/**
 * Deleting an account: posts stay as anonymous rows for the yearly figures (kind, category,
 * month, outcome) but lose their words (a broker's reason too) and their place; messages lose their words; open posts
 * and pending responses end; blocks go.
 */
export const marketplaceDeletion: DeletionStep[] = [
	{
		name: 'posts',
		run: (tx, p, now) => {
			tx.update(posts)
				.set({ status: 'closed', updatedAt: now })
				.where(
					and(
						eq(posts.authorId, p.id),
						inArray(posts.status, ['draft', 'pending', 'open', 'filled', 'paused'])
					)
				)
				.run();
			tx.update(posts)
				.set({
					title: '',
					body: '',
					placeLabel: null,
					exactLat: 0,
					exactLon: 0,
					submissionKey: null,
					rejectionReason: null,
					stillNeededTokenHash: null
				})
				.where(eq(posts.authorId, p.id))
				.run();
		}
	},
	{
		name: 'responses',
		run: (tx, p, now) => {
			tx.update(responses).set({ message: '' }).where(eq(responses.responderId, p.id)).run();
			tx.update(responses)
				.set({ status: 'withdrawn', decidedAt: now })
				.where(and(eq(responses.responderId, p.id), eq(responses.status, 'open')))
				.run();
		}
	},
	{
		name: 'messages',
		run: (tx, p) => tx.update(messages).set({ body: '' }).where(eq(messages.senderId, p.id)).run()
	},
	{
		name: 'blocks',
		run: (tx, p) =>
			tx
				.delete(blocks)
				.where(or(eq(blocks.blockerId, p.id), eq(blocks.blockedId, p.id)))
				.run()
	}
];
