import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import {
	conversationStates,
	followUpLinks,
	followUps,
	matches,
	matchProposals,
	matchShares,
	posts
} from '../db/schema';
import { openOrFilled } from '../posts/lifecycle';
import type { DeletionStep, ExportSection } from './steps';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** What helping stores about a person beyond posts and messages, for the data download. */
export const helpingExport: ExportSection[] = [
	{
		key: 'sharedWithMatches',
		collect: (db, p) =>
			db
				.select({
					match: matchShares.matchId,
					phone: matchShares.phone,
					address: matchShares.address
				})
				.from(matchShares)
				.where(eq(matchShares.userId, p.id))
				.all()
	},
	{
		key: 'conversationsRead',
		collect: (db, p) =>
			db
				.select({ conversation: conversationStates.responseId, at: conversationStates.lastReadAt })
				.from(conversationStates)
				.where(eq(conversationStates.userId, p.id))
				.all()
				.map((c) => ({ conversation: c.conversation, lastReadAt: iso(c.at) }))
	},
	{
		key: 'followUps',
		collect: (db, p) =>
			db
				.select()
				.from(followUps)
				.where(eq(followUps.userId, p.id))
				.all()
				.map((f) => ({
					match: f.matchId,
					round: f.round,
					sentAt: iso(f.sentAt),
					answeredAt: iso(f.answeredAt),
					outcome: f.outcome,
					continuation: f.continuation,
					comment: f.comment,
					minutes: f.minutes
				}))
	},
	{
		// Proposals a broker made to the person as helper; the note was written for them.
		key: 'proposals',
		collect: (db, p) =>
			db
				.select()
				.from(matchProposals)
				.where(eq(matchProposals.helperId, p.id))
				.all()
				.map((x) => ({
					postId: x.postId,
					note: x.note,
					status: x.status,
					createdAt: iso(x.createdAt),
					decidedAt: iso(x.decidedAt)
				}))
	}
];

/**
 * Deleting an account while helping or being helped: a match still going on is withdrawn (a
 * request it filled goes back on the list for the other side), end reasons and follow-up
 * comments are wiped, open proposals withdrawn with their notes (they describe the person
 * helped), and what each side shared goes. Rows stay for the anonymous monthly figures.
 */
export const helpingDeletion: DeletionStep[] = [
	{
		name: 'matches',
		run: (tx, p, now) => {
			const mine = or(eq(matches.helperId, p.id), eq(matches.requesterId, p.id));
			const going = tx
				.update(matches)
				.set({ status: 'withdrawn', endedAt: now, endedById: p.id })
				.where(and(mine, eq(matches.status, 'active')))
				.returning({ postId: matches.postId })
				.all();
			for (const { postId } of going) {
				const post = tx.select().from(posts).where(eq(posts.id, postId)).get();
				if (post?.status === 'filled' && post.authorId !== p.id)
					tx.update(posts)
						.set({ status: openOrFilled(tx, post), updatedAt: now })
						.where(eq(posts.id, post.id))
						.run();
			}
			tx.update(matches).set({ endReason: null }).where(mine).run();
		}
	},
	{
		name: 'match_shares',
		run: (tx, p) => tx.delete(matchShares).where(eq(matchShares.userId, p.id)).run()
	},
	{
		name: 'conversation_states',
		run: (tx, p) => tx.delete(conversationStates).where(eq(conversationStates.userId, p.id)).run()
	},
	{
		name: 'follow_ups',
		run: (tx, p) => {
			const own = tx.select({ id: followUps.id }).from(followUps).where(eq(followUps.userId, p.id));
			tx.delete(followUpLinks).where(inArray(followUpLinks.followUpId, own)).run();
			// Not asked yet: there is nobody to ask any more.
			tx.delete(followUps)
				.where(and(eq(followUps.userId, p.id), isNull(followUps.sentAt)))
				.run();
			// Answers stay for the anonymous outcome counts, without the person's words.
			tx.update(followUps).set({ comment: '' }).where(eq(followUps.userId, p.id)).run();
		}
	},
	{
		name: 'match_proposals',
		run: (tx, p, now) => {
			const ownPosts = tx.select({ id: posts.id }).from(posts).where(eq(posts.authorId, p.id));
			const involved = or(
				eq(matchProposals.helperId, p.id),
				inArray(matchProposals.postId, ownPosts)
			);
			tx.update(matchProposals)
				.set({ status: 'withdrawn', decidedAt: now })
				.where(and(involved, eq(matchProposals.status, 'proposed')))
				.run();
			tx.update(matchProposals).set({ note: '' }).where(involved).run();
		}
	}
];
