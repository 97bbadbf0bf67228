import { redirect } from '@sveltejs/kit';
import { fail, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { intakePrefill, intakeSchema, type IntakeForm } from '$lib/schemas/intake';
import { requireBroker } from '$lib/server/auth/guard';
import { brokerNeighbourhoodIds, registerResident } from '$lib/server/broker/intake';
import { db } from '$lib/server/db';
import { listStreetGroups } from '$lib/server/profile/places';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

export const load: PageServerLoad = async (event) => {
	const user = requireBroker(event);
	const mine = brokerNeighbourhoodIds(db, user);
	const groups = listStreetGroups(db).filter((g) => !mine || mine.includes(g.id));
	// From the person search, when nobody was found: what the broker typed there.
	const typed = intakePrefill(event.url.searchParams.get('from') ?? '');
	const street = groups
		.flatMap((g) => g.streets)
		.find((s) => s.name.toLowerCase() === typed.displayName?.toLowerCase());
	const prefill: Partial<IntakeForm> = street ? { streetId: street.id } : typed;
	return {
		form: await superValidate(prefill, zod4(intakeSchema), { errors: false }),
		groups: groups.map((g) => ({
			label: g.name,
			options: g.streets.map((s) => ({ value: String(s.id), label: s.name }))
		}))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireBroker(event);
		const form = await superValidate(event.request, zod4(intakeSchema));
		if (!form.valid) return fail(400, { form });
		if (form.data.streetId === null) return setError(form, 'streetId', 'intake_err_street');
		const result = registerResident(
			db,
			user,
			{ ...form.data, streetId: form.data.streetId },
			clock.now()
		);
		if (!result.ok)
			return setError(
				form,
				result.field === 'consent'
					? 'consent'
					: result.field === 'languages'
						? 'languages._errors'
						: 'streetId',
				result.error
			);
		// The person's page then says what was registered.
		redirect(303, `/broker/intake/${result.user.id}?registered`);
	}
};
