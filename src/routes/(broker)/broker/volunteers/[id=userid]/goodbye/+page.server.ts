import { error, redirect } from '@sveltejs/kit';
import { fail, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { goodbyeSchema } from '$lib/schemas/volunteer-thanks';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { neighbourhoodSettings } from '$lib/server/neighbourhoods/settings';
import {
	goodbyesOf,
	openGoodbye,
	recordGoodbye,
	recordReturn,
	renewableBadgesOf,
	runningMatchesOf
} from '$lib/server/volunteers/goodbye';
import { volunteerOf } from '../guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { person } = volunteerOf(event);
	const now = clock.now();
	const open = openGoodbye(db, person.id);
	return {
		person: { id: person.id, name: person.displayName },
		timeZone: neighbourhoodSettings(db, person.neighbourhoodId).timeZone,
		// Brokers only: the goodbyes carry the confidential note.
		stopped: open ? { stoppedAt: open.stoppedAt, reason: open.reason, note: open.note } : null,
		history: goodbyesOf(db, person.id)
			.filter((g) => g.resumedAt !== null)
			.map((g) => ({
				id: g.id,
				stoppedAt: g.stoppedAt,
				resumedAt: g.resumedAt!,
				reason: g.reason
			})),
		running: runningMatchesOf(db, person.id),
		badges: open ? [] : renewableBadgesOf(db, person.id, now),
		form: await superValidate(zod4(goodbyeSchema)),
		recorded: event.url.searchParams.has('recorded'),
		resumed: event.url.searchParams.has('resumed')
	};
};

export const actions: Actions = {
	goodbye: async (event) => {
		const { user, person } = volunteerOf(event);
		const form = await superValidate(event.request, zod4(goodbyeSchema));
		if (!form.valid) return fail(400, { form });
		const result = recordGoodbye(
			db,
			{ userId: person.id, brokerId: user.id, reason: form.data.reason!, note: form.data.note },
			event.url.origin,
			clock.now()
		);
		if (!result.ok && result.error === 'not_found') error(404, 'not found');
		if (!result.ok) return setError(form, 'reason', 'hours_goodbye_already');
		// The page now shows the running matches to hand over.
		redirect(303, `/broker/volunteers/${person.id}/goodbye?recorded=1`);
	},
	resume: async (event) => {
		const { user, person } = volunteerOf(event);
		const result = recordReturn(db, { userId: person.id, brokerId: user.id }, clock.now());
		if (!result.ok) error(result.error === 'not_found' ? 404 : 409, result.error);
		redirect(303, `/broker/volunteers/${person.id}/goodbye?resumed=1`);
	}
};
