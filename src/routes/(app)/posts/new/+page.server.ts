import { redirect } from '@sveltejs/kit';
import { KINDS, type Kind } from '$lib/posts/choices';
import { superValidate } from 'sveltekit-superforms';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { createPost } from '$lib/server/posts/create';
import { authorFor } from '$lib/server/broker/acting-for';
import { postAsProxy } from '$lib/server/broker/intake';
import { formSetup, submitPost } from '../post-form.server';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

const isKind = (v: string | null): v is Kind => (KINDS as readonly string[]).includes(v ?? '');

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const author = authorFor(event, user.id);
	const { schema, choices } = formSetup(author.id, clock.now());
	// The home page's "I need help" / "I can help" choose the kind already (?kind=request|offer).
	const kind = event.url.searchParams.get('kind');
	// A fresh key per form: sending the same form twice makes one post.
	const form = await superValidate(
		{ submissionKey: crypto.randomUUID(), ...(isKind(kind) ? { kind } : {}) },
		schema,
		{ errors: false }
	);
	return { form, ...choices, actingFor: author.id === user.id ? null : author.displayName };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const now = clock.now();
		const data = await event.request.formData();
		const send = data.get('intent') === 'send';
		const author = authorFor(event, user.id);
		const result = await submitPost(data, author.id, now, ({ input }) =>
			author.id === user.id
				? createPost(db, user.id, input, send, now)
				: postAsProxy(db, user.id, author.id, input, now)
		);
		if ('failure' in result) return result.failure;
		// A carer cannot open a post that waits for a broker's check: back to their account.
		if (author.id !== user.id && result.post.status !== 'open') redirect(303, '/account?placed');
		redirect(303, `/posts/${result.post.id}`);
	}
};
