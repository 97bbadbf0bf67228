import { error, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { updatePost } from '$lib/server/posts/create';
import { editablePost, formValuesOf } from '$lib/server/posts/form';
import { formSetup, submitPost } from '$lib/server/posts/post-form';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const post = editablePost(db, Number(event.params.id), user.id);
	if (!post) error(404, 'not found');
	const { schema, choices } = formSetup(user.id, clock.now());
	const form = await superValidate(formValuesOf(db, post), schema, { errors: false });
	return {
		form,
		...choices,
		postId: post.id,
		status: post.status,
		rejectionReason: post.status === 'rejected' ? post.rejectionReason : null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const post = editablePost(db, Number(event.params.id), user.id);
		if (!post) error(404, 'not found');
		const now = clock.now();
		const result = await submitPost(await event.request.formData(), user.id, now, ({ input }) =>
			updatePost(db, post, input, now)
		);
		if ('failure' in result) return result.failure;
		redirect(303, `/posts/${post.id}`);
	}
};
