import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { EDITABLE } from '$lib/server/posts/form';
import { getPostView } from '$lib/server/posts/view';
import { intakeExtras } from '$lib/server/broker/post-extras';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const post = getPostView(db, Number(event.params.id), user.id, getLocale());
	if (!post) error(404, 'not found');
	return {
		post,
		editable: post.mine && EDITABLE.includes(post.status),
		...intakeExtras(db, user, post.id)
	};
};
