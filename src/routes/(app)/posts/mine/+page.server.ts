import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import type { Post } from '$lib/server/db/schema';
import { EXPIRY_WARNING_DAYS } from '$lib/server/posts/expiry';
import {
	closePost,
	markStillNeeded,
	pausePost,
	reopenPost,
	sendDraft
} from '$lib/server/posts/lifecycle';
import { days } from '$lib/server/calendar';
import { EDITABLE, ownPost } from '$lib/server/posts/form';
import { listMyPosts } from '$lib/server/posts/mine';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const now = clock.now();
	return {
		posts: listMyPosts(db, user.id).map((p) => ({
			...p,
			editable: EDITABLE.includes(p.status),
			// An open request close to leaving the list can be renewed here as well as by mail.
			renewable:
				p.kind === 'request' &&
				p.status === 'open' &&
				p.expiresAt !== null &&
				p.expiresAt - now <= days(EXPIRY_WARNING_DAYS)
		}))
	};
};

/** One action: checks the person owns the post, then moves it on through its life. */
function lifecycleAction(step: (post: Post, now: number) => Post | null) {
	return async (event: RequestEvent) => {
		const user = requireUser(event);
		const id = Number((await event.request.formData()).get('id'));
		const post = Number.isInteger(id) && id > 0 ? ownPost(db, id, user.id) : null;
		if (!post) error(404, 'not found');
		if (!step(post, clock.now())) return fail(400, { failedId: post.id });
		redirect(303, '/posts/mine');
	};
}

export const actions: Actions = {
	send: lifecycleAction((p, now) => sendDraft(db, p, now)),
	pause: lifecycleAction((p, now) => pausePost(db, p, now)),
	close: lifecycleAction((p, now) => closePost(db, p, now)),
	reopen: lifecycleAction((p, now) => reopenPost(db, p, now)),
	stillNeeded: lifecycleAction((p, now) => markStillNeeded(db, p, now))
};
