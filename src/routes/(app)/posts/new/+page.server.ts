import { redirect } from '@sveltejs/kit';
import { POST_KINDS, type PostKind } from '$lib/posts/choices';
import { superValidate } from 'sveltekit-superforms';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { createPost } from '$lib/server/posts/create';
import { authorFor } from '$lib/server/broker/acting-for';
import { postAsProxy } from '$lib/server/broker/carers';
import { formSetup, submitPost } from '$lib/server/posts/post-form';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const author = authorFor(event, user.id);
	// Only a person posting for themselves is asked for their street here.
	const { schema, choices } = formSetup(author.id, clock.now(), { askHome: author.id === user.id });
	// Request or offer as chosen on the way here ("Ik zoek hulp" / "Ik bied hulp"), else unchosen.
	const asked = event.url.searchParams.get('kind');
	const kind = (POST_KINDS as readonly string[]).includes(asked ?? '')
		? (asked as PostKind)
		: undefined;
	// A fresh key per form: sending the same form twice makes one post.
	const form = await superValidate({ submissionKey: crypto.randomUUID(), kind }, schema, {
		errors: false
	});
	return { form, ...choices, actingFor: author.id === user.id ? null : author.displayName };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const now = clock.now();
		const data = await event.request.formData();
		const send = data.get('intent') === 'send';
		const author = authorFor(event, user.id);
		const own = author.id === user.id;
		const result = await submitPost(
			data,
			author.id,
			now,
			({ input }) =>
				own
					? createPost(db, user.id, input, send, now)
					: postAsProxy(db, user.id, author.id, input, now),
			{ askHome: own }
		);
		if ('failure' in result) return result.failure;
		// A carer cannot open a post that waits for a broker's check: back to their account.
		if (!own && result.post.status !== 'open') redirect(303, '/account?placed');
		// A sent post of one's own: a page that says what happens next.
		if (own && result.post.status !== 'draft') redirect(303, `/posts/${result.post.id}/sent`);
		redirect(303, `/posts/${result.post.id}`);
	}
};
