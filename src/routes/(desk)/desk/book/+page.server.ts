import { error, redirect } from '@sveltejs/kit';
import { fail, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { getLocale } from '$lib/paraglide/runtime.js';
import { joinDateParts } from '$lib/schemas/fields';
import { deskBookingSchema } from '$lib/schemas/lending';
import * as clock from '$lib/server/clock';
import { siteOrigin } from '$lib/server/config';
import { db } from '$lib/server/db';
import { currentAcceptance, currentAgreement } from '$lib/server/lending/agreements';
import {
	bookableTools,
	bookForResident,
	deskResident,
	findResidents
} from '$lib/server/lending/desk/booking';
import { deskSeesContact, requireSomeDesk } from '$lib/server/lending/desk/access';
import { ReservationError } from '$lib/server/lending/reservations';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The resident named in ?for=, when they live in this desk's neighbourhood; else 404. */
function residentOf(event: Pick<RequestEvent, 'url'>, neighbourhoodId: number) {
	const id = event.url.searchParams.get('for');
	if (!id) return null;
	const person = deskResident(db, id, neighbourhoodId);
	if (!person) error(404, 'not found');
	return person;
}

export const load: PageServerLoad = async (event) => {
	const { user, neighbourhoodId } = requireSomeDesk(event);
	const q = event.url.searchParams.get('q')?.trim() ?? '';
	const person = residentOf(event, neighbourhoodId);
	// Desk volunteers find people by name only, and see no phone numbers (deskSeesContact).
	const contacts = deskSeesContact(db, user, neighbourhoodId, clock.now());
	return {
		q,
		contacts,
		found: person ? [] : findResidents(db, neighbourhoodId, q, contacts),
		person: person
			? {
					id: person.id,
					name: person.name,
					phone: contacts ? person.phone : null,
					hasEmail: person.email !== null,
					accepted: currentAcceptance(db, person.id, neighbourhoodId)
				}
			: null,
		agreement: currentAgreement(db, neighbourhoodId, getLocale()),
		tools: bookableTools(db, neighbourhoodId),
		form: await superValidate(
			{ toolId: Number(event.url.searchParams.get('tool')) || undefined },
			zod4(deskBookingSchema),
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	book: async (event) => {
		const { user, neighbourhoodId } = requireSomeDesk(event);
		const person = residentOf(event, neighbourhoodId);
		if (!person) error(404, 'not found');
		const posted = joinDateParts(await event.request.formData(), 'startDate', 'endDate');
		const form = await superValidate(posted, zod4(deskBookingSchema));
		if (!form.valid) return fail(400, { form });
		let loanId: number;
		try {
			loanId = bookForResident(
				db,
				{ actorId: user.id, residentId: person.id, neighbourhoodId, ...form.data },
				clock.now(),
				siteOrigin()
			).id;
		} catch (e) {
			if (!(e instanceof ReservationError)) throw e;
			const field =
				e.code === 'desk_err_acceptance' ? 'acceptance' : e.field === 'form' ? 'toolId' : e.field;
			setError(form, field, e.code);
			return fail(409, { form, params: e.params });
		}
		redirect(303, `/desk/loans/${loanId}?booked=1`);
	}
};
