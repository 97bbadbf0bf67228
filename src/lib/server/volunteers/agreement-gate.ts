import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { posts } from '../db/schema';
import { mustAcceptAgreement } from './agreement-status';

/**
 * True when helping with this post waits for the helper to accept the volunteer agreement of
 * the post's neighbourhood (only when that neighbourhood requires it).
 */
export function agreementGateForPost(d: DbOrTx, postId: number, helperId: string): boolean {
	const post = d
		.select({ neighbourhoodId: posts.neighbourhoodId })
		.from(posts)
		.where(eq(posts.id, postId))
		.get();
	return post ? mustAcceptAgreement(d, post.neighbourhoodId, helperId) : false;
}

/** A place to come back to after the agreement: a path on this site only, never elsewhere. */
export function safeNext(next: string | null): string | null {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
		return null;
	return next;
}
