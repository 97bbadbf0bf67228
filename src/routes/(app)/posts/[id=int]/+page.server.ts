import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { getLocale } from '$lib/paraglide/runtime.js';
import { messageSchema } from '$lib/schemas/talk';
import { requireUser } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { EDITABLE, ownPost } from '$lib/server/posts/form';
import { acceptResponse, declineResponse, respond } from '$lib/server/posts/responses';
import { getPostView } from '$lib/server/posts/view';
import { myResponse, responsesForPoster } from '$lib/server/talk/post-responses';
import { posts, responses } from '$lib/server/db/schema';
import { and, eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { intakeExtras } from '$lib/server/broker/post-extras';
import { agreementGateForPost } from '$lib/server/volunteers/agreement-gate';
import { slotOfPost, takeFromOpenList } from '$lib/server/circles/open-slots';
import { isMember } from '$lib/server/circles/access';

const respondSchema = zod4(messageSchema);

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const now = clock.now();
	const post = getPostView(db, Number(event.params.id), user.id, getLocale(), now);
	if (!post) error(404, 'not found');
	const mine = post.mine;
	return {
		post,
		editable: mine && EDITABLE.includes(post.status),
		responses: mine ? responsesForPoster(db, post.id, now) : [],
		myResponse: mine ? null : myResponse(db, post.id, user.id),
		respondForm: await superValidate(respondSchema, { id: 'respond' }),
		// Helping with a request may wait for the neighbourhood's volunteer agreement.
		mustAcceptAgreement:
			!mine && post.kind === 'request' && agreementGateForPost(db, post.id, user.id),
		...intakeExtras(db, user, post.id),
		circleMoment: mine ? null : circleMomentOf(post.id, user.id)
	};
};

/** A request that is a care circle's untaken moment: a neighbour takes it in one step. */
function circleMomentOf(postId: number, userId: string) {
	const slot = slotOfPost(db, postId);
	if (!slot) return null;
	return { circleId: slot.circleId, member: isMember(db, slot.circleId, userId) };
}

/** The post, when this person owns it; the responses' decisions are the poster's alone. */
function ownResponse(event: RequestEvent, userId: string, responseId: number) {
	const post = ownPost(db, Number(event.params.id), userId);
	if (!post) error(403, 'forbidden');
	const response = db
		.select()
		.from(responses)
		.where(and(eq(responses.id, responseId), eq(responses.postId, post.id)))
		.get();
	if (!response) error(404, 'not found');
	return { post, response };
}

export const actions: Actions = {
	respond: async (event) => {
		const user = requireUser(event);
		const form = await superValidate(event.request, respondSchema, { id: 'respond' });
		if (!form.valid) return fail(400, { respondForm: form });
		// Only posts this person may see can be answered (not their own, not blocked, not private).
		const view = getPostView(db, Number(event.params.id), user.id, getLocale(), clock.now());
		if (!view || view.mine) error(404, 'not found');
		const post = db.select().from(posts).where(eq(posts.id, view.id)).get()!;
		const result = respond(db, post, user.id, form.data.message, clock.now());
		if (!result.ok) return fail(400, { respondForm: form, respondError: result.error });
		redirect(303, `/conversations/${result.response.id}?sent=1`);
	},
	takeMoment: async (event) => {
		const user = requireUser(event);
		const view = getPostView(db, Number(event.params.id), user.id, getLocale(), clock.now());
		if (!view || view.mine) error(404, 'not found');
		const post = db.select().from(posts).where(eq(posts.id, view.id)).get()!;
		const result = takeFromOpenList(db, post, user.id, event.url.origin, clock.now());
		if (!result.ok) return fail(400, { respondError: result.error });
		redirect(303, `/circles/slots/${result.slotId}?taken=1`);
	},
	accept: async (event) => {
		const user = requireUser(event);
		const id = Number((await event.request.formData()).get('responseId'));
		const { response } = ownResponse(event, user.id, id);
		const result = acceptResponse(db, response.id, user.id, clock.now());
		if (!result.ok) return fail(400, { acceptError: result.error });
		return { accepted: response.id };
	},
	decline: async (event) => {
		const user = requireUser(event);
		const id = Number((await event.request.formData()).get('responseId'));
		const { response } = ownResponse(event, user.id, id);
		declineResponse(db, response.id, clock.now());
		return { declined: response.id };
	}
};
