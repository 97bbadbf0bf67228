import { fail, type ActionFailure } from '@sveltejs/kit';
import { setError, superValidate, type SuperValidated } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { joinDateParts } from '$lib/schemas/fields';
import { postSchema, type PostForm } from '$lib/schemas/post';
import { db } from '$lib/server/db';
import type { Post } from '$lib/server/db/schema';
import type { PostResult } from '$lib/server/posts/create';
import { localDate, posterPlace, toPostInput } from '$lib/server/posts/form';
import { listCategoryChoices } from '$lib/server/profile/categories';

const DEFAULT_ZONE = 'Europe/Brussels';

// Building a form adapter takes a few milliseconds; the schema only changes with the date.
const adapters = new Map<string, ReturnType<typeof build>>();
const build = (today: string) => zod4(postSchema(today));
function schemaFor(today: string) {
	let adapter = adapters.get(today);
	if (!adapter) {
		if (adapters.size > 4) adapters.clear();
		adapter = build(today);
		adapters.set(today, adapter);
	}
	return adapter;
}

/** The schema and choices the post form needs for this person. */
export function formSetup(userId: string, now: number) {
	const place = posterPlace(db, userId);
	const schema = schemaFor(localDate(now, place?.timeZone ?? DEFAULT_ZONE));
	return {
		place,
		schema,
		choices: {
			hasPlace: place !== null,
			streets: place?.streets ?? [],
			categories: listCategoryChoices(db, getLocale())
		}
	};
}

type Form = SuperValidated<PostForm>;

function noPlace(form: Form) {
	form.message = { type: 'error', text: m.post_err_no_place() };
	return fail(400, { form });
}

/**
 * Validates a submitted post form and hands it to `save` (create or update). Returns the saved
 * post, or the failure to return from the action with every typed value kept.
 */
export async function submitPost(
	data: FormData,
	userId: string,
	now: number,
	save: (input: ReturnType<typeof toPostInput> & { ok: true }) => PostResult
): Promise<{ post: Post } | { failure: ActionFailure<{ form: Form }> }> {
	const { place, schema } = formSetup(userId, now);
	const form = await superValidate(joinDateParts(data, 'whenDate'), schema);
	if (!form.valid) return { failure: fail(400, { form }) };
	if (!place)
		return {
			failure: noPlace(form)
		};
	const input = toPostInput(db, place, form.data);
	if (!input.ok) return { failure: setError(form, input.field, input.error) };
	const result = save(input);
	if (result.ok) return { post: result.post };
	if (result.error === 'post_err_no_place')
		return {
			failure: noPlace(form)
		};
	const field = result.field === 'categoryId' ? 'categoryId' : 'placeStreetId';
	return { failure: setError(form, field, result.error) };
}
