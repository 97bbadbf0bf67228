import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { neighbourhoods } from '../db/schema';
import type { PostKind } from '$lib/posts/choices';
import type { PostStatus } from '$lib/posts/statuses';
import type { DutySlot } from '../neighbourhoods/public';
import { ownPost } from './form';

/** What the page after sending a post tells its poster: what happens next, and whom to call. */
export interface SentPost {
	id: number;
	kind: PostKind;
	title: string;
	status: PostStatus;
	neighbourhood: {
		name: string;
		phoneDutyNumber: string;
		phoneDutyHours: DutySlot[];
		/** After this many days without a response, the request shows on the broker's Today. */
		noResponseDays: number;
	};
}

/** The poster's own post with its neighbourhood's way of reaching the broker; null for another's. */
export function sentPost(db: DbOrTx, postId: number, userId: string): SentPost | null {
	const post = ownPost(db, postId, userId);
	if (!post) return null;
	const hood = db
		.select()
		.from(neighbourhoods)
		.where(eq(neighbourhoods.id, post.neighbourhoodId))
		.get()!;
	return {
		id: post.id,
		kind: post.kind,
		title: post.title,
		status: post.status,
		neighbourhood: {
			name: hood.name,
			phoneDutyNumber: hood.phoneDutyNumber,
			phoneDutyHours: JSON.parse(hood.phoneDutyHours) as DutySlot[],
			noResponseDays: hood.noResponseDays
		}
	};
}
