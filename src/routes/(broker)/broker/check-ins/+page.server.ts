import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { checkInPlanSchema, newCheckInPlan } from '$lib/schemas/circles';
import { requireBroker } from '$lib/server/auth/guard';
import { activeResidents, plansIn, setUpCheckIns } from '$lib/server/check-ins/plans';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { brokeredNeighbourhoods } from '$lib/server/neighbourhoods/brokers';
import type { Actions, PageServerLoad } from './$types';

const schema = zod4(checkInPlanSchema);

export const load: PageServerLoad = async (event) => {
	const user = requireBroker(event);
	const ids = brokeredNeighbourhoods(db, user).map((n) => n.id);
	const people = activeResidents(db, ids).map((p) => ({ value: p.id, label: p.name }));
	return {
		plans: plansIn(db, ids).filter((p) => p.endedAt === null),
		people,
		form: await superValidate(
			newCheckInPlan(event.url.searchParams.get('resident') ?? ''),
			schema,
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	setUp: async (event) => {
		const user = requireBroker(event);
		const form = await superValidate(event.request, schema);
		if (!form.valid) return fail(400, { form });
		const ids = brokeredNeighbourhoods(db, user).map((n) => n.id);
		const known = new Set(activeResidents(db, ids).map((p) => p.id));
		if (!known.has(form.data.personId)) return setError(form, 'personId', 'checkins_err_person');
		if (!known.has(form.data.callerId)) return setError(form, 'callerId', 'checkins_err_caller');
		if (!known.has(form.data.contactId)) return setError(form, 'contactId', 'checkins_err_contact');
		const made = setUpCheckIns(db, form.data, user.id, clock.now());
		if (!made.ok) return setError(form, made.field as 'personId', made.error);
		redirect(303, `/broker/check-ins/${made.plan.id}`);
	}
};
