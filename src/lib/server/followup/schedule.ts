import { localDaysLater } from '../calendar';
import type { DbOrTx } from '../db/client';
import { followUps, type Match, type Post } from '../db/schema';
import { neighbourhoodSettings } from '../neighbourhoods/settings';

/** A weekly visit or a standing offer goes on: it is asked about every period until it ends. */
export function isOngoing(post: Pick<Post, 'whenType' | 'standing'>): boolean {
	return post.whenType === 'recurring' || post.standing;
}

/**
 * When a match is agreed, each side gets a follow-up at the agreed time plus the neighbourhood's
 * delay. Call it in the transaction that makes the match, so a match never exists without them.
 */
export function scheduleFollowUps(
	tx: DbOrTx,
	match: Pick<Match, 'id' | 'helperId' | 'requesterId' | 'agreedAt'>,
	neighbourhoodId: number
): void {
	const { followUpDelayDays, timeZone } = neighbourhoodSettings(tx, neighbourhoodId);
	const dueAt = localDaysLater(match.agreedAt, followUpDelayDays, timeZone);
	tx.insert(followUps)
		.values([
			{ matchId: match.id, userId: match.helperId, round: 1, dueAt },
			{ matchId: match.id, userId: match.requesterId, round: 1, dueAt }
		])
		.onConflictDoNothing()
		.run();
}
