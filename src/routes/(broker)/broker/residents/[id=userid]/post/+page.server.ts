import { error, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { eq } from 'drizzle-orm';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import { placePostFor } from '$lib/server/broker/intake';
import { db } from '$lib/server/db';
import { users } from '$lib/server/db/schema';
import { formSetup, submitPost } from '$lib/server/posts/post-form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as clock from '$lib/server/clock';

function guard(event: RequestEvent) {
	requireBroker(event);
	const resident = db.select().from(users).where(eq(users.id, event.params.id)).get();
	if (!resident || resident.neighbourhoodId === null || resident.status !== 'active')
		error(404, 'not found');
	const user = requireBrokerOf(event, resident.neighbourhoodId);
	return { user, resident };
}

export const load: PageServerLoad = async (event) => {
	const { resident } = guard(event);
	const { schema, choices } = formSetup(resident.id, clock.now());
	const form = await superValidate({ submissionKey: crypto.randomUUID() }, schema, {
		errors: false
	});
	return { form, ...choices, resident: { id: resident.id, displayName: resident.displayName } };
};

export const actions: Actions = {
	default: async (event) => {
		const { user, resident } = guard(event);
		const now = clock.now();
		const data = await event.request.formData();
		const result = await submitPost(data, resident.id, now, ({ input }) =>
			placePostFor(db, user.id, resident.id, input, now)
		);
		if ('failure' in result) return result.failure;
		redirect(303, `/posts/${result.post.id}`);
	}
};
