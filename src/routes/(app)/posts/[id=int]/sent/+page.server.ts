import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { sentPost } from '$lib/server/posts/sent';
import type { PageServerLoad } from './$types';

// Only the poster reads what happens next with their post; anyone else gets 404.
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const post = sentPost(db, Number(event.params.id), user.id);
	if (!post) error(404, 'not found');
	return { post };
};
