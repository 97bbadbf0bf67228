import { fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { postWordsSchema } from '$lib/schemas/post';
import { reasonSchema } from '$lib/schemas/talk';
import { siteOrigin } from '$lib/server/config';
import { approvePost } from '$lib/server/broker/moderation';
import { hidePost, restorePost } from '$lib/server/broker/take-down';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { writingLanguageOf } from '$lib/server/broker/residents';
import { brokerPost } from './guard.server';
import type { Actions, PageServerLoad } from './$types';

const words = zod4(postWordsSchema);
const reason = zod4(reasonSchema);

export const load: PageServerLoad = async (event) => {
	const { post } = brokerPost(event);
	return {
		post: {
			id: post.id,
			kind: post.kind,
			title: post.title,
			body: post.body,
			status: post.status,
			reason: post.rejectionReason,
			lang: writingLanguageOf(db, post.authorId) ?? undefined
		},
		edit: await superValidate({ title: post.title, body: post.body }, words, { id: 'edit' }),
		hide: await superValidate(reason, { id: 'hide' })
	};
};

export const actions: Actions = {
	// Edit then approve: the corrected words go up with the approval, in one step.
	approve: async (event) => {
		const { user, post } = brokerPost(event);
		const edit = await superValidate(event.request, words, { id: 'edit' });
		if (!edit.valid) return fail(400, { edit });
		const approved = approvePost(db, post.id, user.id, siteOrigin(), clock.now(), edit.data);
		return approved ? { edit, approved: true } : fail(409, { edit, notPending: true });
	},
	hide: async (event) => {
		const { user, post } = brokerPost(event);
		const hide = await superValidate(event.request, reason, { id: 'hide' });
		if (!hide.valid) return fail(400, { hide });
		const hidden = hidePost(db, post.id, user.id, hide.data.reason, siteOrigin(), clock.now());
		return hidden ? { hide, hidden: true } : fail(409, { hide, notPublished: true });
	},
	restore: async (event) => {
		const { user, post } = brokerPost(event);
		return restorePost(db, post.id, user.id, clock.now())
			? { restored: true }
			: fail(409, { notHidden: true });
	}
};
