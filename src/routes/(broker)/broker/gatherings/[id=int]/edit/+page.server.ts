import { error, fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { gatheringSchema } from '$lib/schemas/gathering';
import { joinDateParts } from '$lib/schemas/fields';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import { localDate, localTime } from '$lib/server/calendar';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import {
	editGathering,
	findGathering,
	neighbourhoodZone,
	plannerHoods
} from '$lib/server/volunteers/gatherings';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const schema = zod4(gatheringSchema);

/** The gathering, when it belongs to a neighbourhood this broker works in. */
function gatheringOf(event: RequestEvent) {
	requireBroker(event);
	const gathering = findGathering(db, Number(event.params.id));
	if (!gathering) error(404, 'not found');
	const broker = requireBrokerOf(event, gathering.neighbourhoodId);
	return { gathering, broker };
}

export const load: PageServerLoad = async (event) => {
	const { gathering: g, broker } = gatheringOf(event);
	const tz = neighbourhoodZone(db, g.neighbourhoodId);
	const form = await superValidate(
		{
			neighbourhoodId: g.neighbourhoodId,
			kind: g.kind,
			name: g.name,
			date: localDate(g.startsAt, tz),
			startTime: localTime(g.startsAt, tz),
			endTime: localTime(g.endsAt, tz),
			place: g.place,
			capacity: g.capacity,
			audience: g.audience,
			description: g.description,
			refresherMonths: g.refresherMonths
		},
		schema,
		{ errors: false }
	);
	return {
		id: g.id,
		hoods: plannerHoods(db, broker)
			.filter((h) => h.id === g.neighbourhoodId)
			.map((h) => ({ id: h.id, name: h.name })),
		form
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { gathering, broker } = gatheringOf(event);
		const posted = joinDateParts(await event.request.formData(), 'date');
		const form = await superValidate(posted, schema);
		if (!form.valid) return fail(400, { form });
		const done = editGathering(
			db,
			broker.id,
			gathering.id,
			{ ...form.data, kind: form.data.kind!, audience: form.data.audience! },
			clock.now()
		);
		if (!done.ok) {
			if ('field' in done) return setError(form, done.field, done.error);
			return setError(form, 'date', 'gatherings_err_started');
		}
		redirect(303, `/broker/gatherings/${gathering.id}`);
	}
};
