import { error } from '@sveltejs/kit';
import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { checkInSchema } from '$lib/schemas/care';
import { joinDateParts } from '$lib/schemas/fields';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import { getResident } from '$lib/server/broker/residents';
import { startOfLocalDate } from '$lib/server/calendar';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { agreementStandings } from '$lib/server/volunteers/agreement-status';
import { planCheckIn, plannedCheckIns } from '$lib/server/volunteers/check-in';
import { volunteerOverview } from '$lib/server/volunteers/overview';
import { isVolunteer } from '$lib/server/volunteers/who';
import { formatLocalDate } from '$lib/dates';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The person, when this broker works in their neighbourhood (an admin everywhere). */
function guard(event: RequestEvent) {
	requireBroker(event);
	const person = getResident(db, event.params.id);
	if (!person || person.neighbourhoodId === null || person.role !== 'resident')
		error(404, 'not found');
	const user = requireBrokerOf(event, person.neighbourhoodId);
	return { user, person: { ...person, neighbourhoodId: person.neighbourhoodId } };
}

export const load: PageServerLoad = async (event) => {
	const { person } = guard(event);
	const now = clock.now();
	return {
		person: { id: person.id, name: person.displayName, timeZone: person.timeZone },
		volunteer: isVolunteer(db, person.id),
		row: volunteerOverview(db, person.neighbourhoodId, now, [person.id])[0]!,
		agreement: agreementStandings(db, person.neighbourhoodId, [person.id]).get(person.id) ?? 'none',
		checkIns: plannedCheckIns(db, person.id),
		form: await superValidate(zod4(checkInSchema), { errors: false })
	};
};

export const actions: Actions = {
	checkIn: async (event) => {
		const { user, person } = guard(event);
		const posted = joinDateParts(await event.request.formData(), 'checkInOn');
		const form = await superValidate(posted, zod4(checkInSchema));
		if (!form.valid) return fail(400, { form });
		const now = clock.now();
		const dueAt = startOfLocalDate(form.data.checkInOn, person.timeZone);
		if (dueAt === null) return fail(400, { form });
		planCheckIn(db, person, user.id, dueAt, now);
		return message(form, {
			type: 'ok',
			text: m.care_check_in_planned({
				date: formatLocalDate(dueAt, person.timeZone, getLocale(), 'long')
			})
		});
	}
};
