import { and, eq, isNull } from 'drizzle-orm';
import { NEEDS_ATTENTION } from '$lib/followup';
import type { FollowUpAnswer } from '$lib/schemas/followup';
import { recordAudit } from '../audit/audit';
import type { DB, DbOrTx } from '../db/client';
import { followUpLinks, followUps, matches, posts, type FollowUp } from '../db/schema';
import { hashToken } from '../ids';
import { firstName } from '../profile/public';
import { completeFollowUpTasks, createTask } from '../tasks/tasks';
import { followUpContext } from './worker';

export type LinkCheck =
	{ ok: true; followUp: FollowUp } | { ok: false; reason: 'invalid' | 'expired' | 'answered' };

/**
 * What a personal link points to. An unknown (or tampered) token, a link past its 30 days and a
 * follow-up already answered each get their own clear page; none of them changes anything.
 */
export function checkFollowUpLink(db: DbOrTx, token: string, now: number): LinkCheck {
	if (!/^[a-z2-7]{20,64}$/.test(token)) return { ok: false, reason: 'invalid' };
	const row = db
		.select({ link: followUpLinks, followUp: followUps })
		.from(followUpLinks)
		.innerJoin(followUps, eq(followUpLinks.followUpId, followUps.id))
		.where(eq(followUpLinks.tokenHash, hashToken(token)))
		.get();
	if (!row) return { ok: false, reason: 'invalid' };
	if (row.followUp.answeredAt !== null) return { ok: false, reason: 'answered' };
	if (row.link.expiresAt <= now) return { ok: false, reason: 'expired' };
	return { ok: true, followUp: row.followUp };
}

/**
 * The neighbourhood a personal link is about (also once answered or expired), so its page can
 * give that neighbourhood's phone number; null for a link that does not exist.
 */
export function linkNeighbourhood(db: DbOrTx, token: string): number | null {
	if (!/^[a-z2-7]{20,64}$/.test(token)) return null;
	const row = db
		.select({ id: posts.neighbourhoodId })
		.from(followUpLinks)
		.innerJoin(followUps, eq(followUpLinks.followUpId, followUps.id))
		.innerJoin(matches, eq(matches.id, followUps.matchId))
		.innerJoin(posts, eq(posts.id, matches.postId))
		.where(eq(followUpLinks.tokenHash, hashToken(token)))
		.get();
	return row?.id ?? null;
}

/** True when this follow-up asks the match's helper (only they are asked how long it took). */
export function asksHelper(db: DbOrTx, followUp: Pick<FollowUp, 'matchId' | 'userId'>): boolean {
	const match = db
		.select({ helperId: matches.helperId })
		.from(matches)
		.where(eq(matches.id, followUp.matchId))
		.get();
	return match?.helperId === followUp.userId;
}

/**
 * The hours to keep from an answer: the helper's only, and none for help that did not happen
 * (the form's pre-filled estimate would otherwise count time nobody spent).
 */
function keptMinutes(tx: DbOrTx, followUpId: number, answer: FollowUpAnswer): number | null {
	if (!answer.minutes || answer.outcome === 'did_not_happen') return null;
	const followUp = tx
		.select({ matchId: followUps.matchId, userId: followUps.userId })
		.from(followUps)
		.where(eq(followUps.id, followUpId))
		.get();
	return followUp && asksHelper(tx, followUp) ? answer.minutes : null;
}

/**
 * Stores the answer once (guarded by "not answered yet"). Worrying answers become a task on
 * Today at once, with the comment; a "nobody answered" task for it is closed.
 */
function saveAnswer(
	tx: DbOrTx,
	followUpId: number,
	answer: FollowUpAnswer,
	answeredById: string | null,
	now: number
): FollowUp | null {
	const followUp = tx
		.update(followUps)
		.set({
			answeredAt: now,
			answeredById,
			outcome: answer.outcome,
			continuation: answer.continuation,
			comment: answer.comment,
			minutes: keptMinutes(tx, followUpId, answer)
		})
		.where(and(eq(followUps.id, followUpId), isNull(followUps.answeredAt)))
		.returning()
		.all()[0];
	if (!followUp) return null;
	// Answered: the "nobody answered" task and the call task for it are no longer needed.
	completeFollowUpTasks(tx, followUpId, answeredById, 'answered', now);
	if (NEEDS_ATTENTION.includes(answer.outcome)) {
		const { person, other, post } = followUpContext(tx, followUp);
		createTask(
			tx,
			{
				neighbourhoodId: post.neighbourhoodId,
				kind: 'follow_up_attention',
				subjectUserId: person.id,
				dedupeKey: `follow-up-attention:${followUp.id}`,
				details: {
					followUpId: followUp.id,
					postId: post.id,
					title: post.title,
					other: firstName(other.displayName),
					outcome: answer.outcome,
					comment: answer.comment
				}
			},
			now
		);
	}
	return followUp;
}

/** The person answers through their personal link. */
export function answerWithLink(
	db: DB,
	token: string,
	answer: FollowUpAnswer,
	now: number
): LinkCheck {
	return db.transaction(
		(tx) => {
			const check = checkFollowUpLink(tx, token, now);
			if (!check.ok) return check;
			const saved = saveAnswer(tx, check.followUp.id, answer, null, now);
			return saved ? { ok: true as const, followUp: saved } : { ok: false, reason: 'answered' };
		},
		{ behavior: 'immediate' }
	);
}

/** A broker enters the answer someone gave on the phone; false when it was already answered. */
export function answerOnBehalf(
	db: DB,
	followUpId: number,
	brokerId: string,
	answer: FollowUpAnswer,
	now: number
): boolean {
	return db.transaction(
		(tx) => {
			const saved = saveAnswer(tx, followUpId, answer, brokerId, now);
			if (!saved) return false;
			const { post } = followUpContext(tx, saved);
			recordAudit(
				tx,
				{
					actorId: brokerId,
					action: 'follow_up.answer_for',
					subjectType: 'follow_up',
					subjectId: saved.id,
					neighbourhoodId: post.neighbourhoodId,
					detail: { outcome: answer.outcome }
				},
				now
			);
			return true;
		},
		{ behavior: 'immediate' }
	);
}
