import { error, fail } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { getLocale } from '$lib/paraglide/runtime.js';
import { reasonSchema } from '$lib/schemas/talk';
import { requireUser } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { users } from '$lib/server/db/schema';
import { getPostView } from '$lib/server/posts/view';
import { firstName } from '$lib/server/profile/public';
import { reportPerson, reportPost } from '$lib/server/talk/safety';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const schema = zod4(reasonSchema);

/** What is being reported: a post the person may see, or another person. */
function subject(event: RequestEvent, userId: string) {
	const postId = Number(event.url.searchParams.get('post'));
	if (postId > 0) {
		const post = getPostView(db, postId, userId, getLocale(), clock.now());
		if (!post) error(404, 'not found');
		return { kind: 'post' as const, postId: post.id, label: post.title };
	}
	const personId = event.url.searchParams.get('person') ?? '';
	const person = db.select().from(users).where(eq(users.id, personId)).get();
	if (!person || person.id === userId || person.status === 'deleted') error(404, 'not found');
	return { kind: 'person' as const, personId: person.id, label: firstName(person.displayName) };
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const s = subject(event, user.id);
	return { subject: { kind: s.kind, label: s.label }, form: await superValidate(schema) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const s = subject(event, user.id);
		const form = await superValidate(event.request, schema);
		if (!form.valid) return fail(400, { form });
		const now = clock.now();
		if (s.kind === 'post') reportPost(db, user.id, s.postId, form.data.reason, now);
		else reportPerson(db, user.id, s.personId, form.data.reason, now);
		return { form, reported: true };
	}
};
