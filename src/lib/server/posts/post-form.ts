import { fail, type ActionFailure } from '@sveltejs/kit';
import { setError, superValidate, type SuperValidated } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { joinDateParts } from '$lib/schemas/fields';
import { postSchema, type PostForm } from '$lib/schemas/post';
import { db } from '$lib/server/db';
import type { Post } from '$lib/server/db/schema';
import type { PostError, PostResult } from '$lib/server/posts/create';
import { DEFAULT_TIME_ZONE, localDate } from '$lib/server/calendar';
import { placeOfStreet, posterPlace, toPostInput } from '$lib/server/posts/form';
import { listCategoryChoices } from '$lib/server/profile/categories';
import { listStreetGroups } from '$lib/server/profile/places';
import { saveHomeStreet } from '$lib/server/profile/profile';

// Building a form adapter takes a few milliseconds; the schema only changes with the date.
const adapters = new Map<string, ReturnType<typeof build>>();
const build = (today: string, askHome: boolean) => zod4(postSchema(today, askHome));
function schemaFor(today: string, askHome: boolean) {
	const key = `${today}/${askHome}`;
	let adapter = adapters.get(key);
	if (!adapter) {
		if (adapters.size > 8) adapters.clear();
		adapter = build(today, askHome);
		adapters.set(key, adapter);
	}
	return adapter;
}

/**
 * The schema and choices the post form needs for this person. `askHome`: a person without a
 * street in their profile is asked for it in the form (a new post of their own), instead of
 * being sent to the profile first.
 */
export function formSetup(userId: string, now: number, { askHome = false } = {}) {
	const place = posterPlace(db, userId);
	const asks = askHome && place === null;
	const schema = schemaFor(localDate(now, place?.timeZone ?? DEFAULT_TIME_ZONE), asks);
	return {
		place,
		schema,
		askHome: asks,
		choices: {
			hasPlace: place !== null,
			askHome: asks,
			homeStreets: asks ? listStreetGroups(db) : [],
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
	save: (input: ReturnType<typeof toPostInput> & { ok: true }) => PostResult,
	options: { askHome?: boolean } = {}
): Promise<{ post: Post } | { failure: ActionFailure<{ form: Form }> }> {
	const { schema, askHome, ...setup } = formSetup(userId, now, options);
	const form = await superValidate(joinDateParts(data, 'whenDate'), schema);
	if (!form.valid) return { failure: fail(400, { form }) };
	const home = askHome ? form.data.streetId : null;
	const place = home === null ? setup.place : placeOfStreet(db, home);
	if (!place) {
		if (askHome) return { failure: setError(form, 'streetId', 'profile_err_street_unknown') };
		return { failure: noPlace(form) };
	}
	const input = toPostInput(db, place, form.data);
	if (!input.ok) return { failure: setError(form, input.field, input.error) };
	const result =
		home === null ? save(input) : saveWithHome(userId, home, form.data.houseNumber, input, save);
	if (result.ok) return { post: result.post };
	if (result.error === 'post_err_no_place')
		return {
			failure: noPlace(form)
		};
	const field =
		result.field === 'categoryId' || result.field === 'streetId' ? result.field : 'placeStreetId';
	return { failure: setError(form, field, result.error) };
}

/** Thrown to undo the home street when the post it came with cannot be saved. */
class PostRefused extends Error {
	constructor(readonly result: PostError) {
		super(result.error);
	}
}

/**
 * Saves the poster's street to their profile and the post in one transaction: both or neither.
 * (`save` writes through the same SQLite connection, so it is inside this transaction.)
 */
function saveWithHome(
	userId: string,
	streetId: number,
	houseNumber: string,
	input: ReturnType<typeof toPostInput> & { ok: true },
	save: (input: ReturnType<typeof toPostInput> & { ok: true }) => PostResult
): PostResult {
	try {
		return db.transaction((tx) => {
			const home = saveHomeStreet(tx, userId, streetId, houseNumber);
			if (!home.ok) throw new PostRefused({ ok: false, field: 'streetId', error: home.error });
			const result = save(input);
			if (!result.ok) throw new PostRefused(result);
			return result;
		});
	} catch (e) {
		if (e instanceof PostRefused) return e.result;
		throw e;
	}
}
