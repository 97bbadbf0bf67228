import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { messageSchema, reasonSchema } from '$lib/schemas/talk';
import { requireUser } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { endMatch } from '$lib/server/posts/responses';
import {
	getConversation,
	markRead,
	sendMessage,
	setContactShares
} from '$lib/server/talk/conversations';
import { blockPerson } from '$lib/server/talk/safety';
import type { Actions, PageServerLoad } from './$types';

const messageForm = zod4(messageSchema);

/** Only the two sides of the conversation get past this. */
function conversationOf(event: RequestEvent) {
	const user = requireUser(event);
	const conversation = getConversation(db, Number(event.params.id), user.id);
	if (!conversation) error(403, 'forbidden');
	return { user, conversation };
}

export const load: PageServerLoad = async (event) => {
	const { user, conversation: c } = conversationOf(event);
	markRead(db, c.sides.response.id, user.id, clock.now());
	return {
		post: { id: c.sides.post.id, title: c.sides.post.title },
		otherId: c.otherId,
		otherName: c.otherName,
		blocked: c.blocked,
		messages: c.messages,
		match: c.match
			? {
					id: c.match.id,
					status: c.match.status,
					endReason: c.match.endReason,
					endedByMe: c.match.endedById === user.id
				}
			: null,
		myShares: c.myShares,
		theirContacts: c.theirContacts,
		sent: event.url.searchParams.has('sent'),
		messageForm: await superValidate(messageForm, { id: 'message' })
	};
};

export const actions: Actions = {
	send: async (event) => {
		const { user, conversation: c } = conversationOf(event);
		const form = await superValidate(event.request, messageForm, { id: 'message' });
		if (!form.valid) return fail(400, { messageForm: form });
		const result = sendMessage(
			db,
			c.sides.response.id,
			user.id,
			form.data.message,
			event.url.origin,
			clock.now()
		);
		if (!result.ok) return fail(400, { messageForm: form, sendError: result.error });
		return { messageForm: form };
	},
	shares: async (event) => {
		const { user, conversation: c } = conversationOf(event);
		if (!c.match) error(400, 'no match');
		const data = await event.request.formData();
		setContactShares(db, c.match.id, user.id, {
			phone: data.get('phone') === 'on',
			address: data.get('address') === 'on'
		});
		return { sharesSaved: true };
	},
	end: async (event) => {
		const { user, conversation: c } = conversationOf(event);
		if (!c.match || c.match.status !== 'active') error(400, 'no active match');
		const data = await event.request.formData();
		const outcome = String(data.get('outcome'));
		if (outcome !== 'done' && outcome !== 'no_show' && outcome !== 'cancelled')
			error(400, 'unknown outcome');
		let reason: string | null = null;
		if (outcome === 'cancelled') {
			const parsed = reasonSchema.safeParse({ reason: data.get('reason') ?? '' });
			if (!parsed.success)
				return fail(400, {
					reasonError: parsed.error.issues[0]!.message,
					reason: String(data.get('reason') ?? '')
				});
			reason = parsed.data.reason;
		}
		endMatch(db, c.match.id, user.id, outcome, reason, clock.now());
		return { ended: outcome };
	},
	block: async (event) => {
		const { user, conversation: c } = conversationOf(event);
		blockPerson(db, user.id, c.otherId, clock.now());
		return { blockedDone: true };
	}
};
