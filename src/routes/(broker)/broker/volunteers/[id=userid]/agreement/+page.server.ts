import { error, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { fail, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { toLocale } from '$lib/i18n';
import { recordAcceptanceSchema } from '$lib/schemas/volunteer-agreement';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import { getResident } from '$lib/server/broker/residents';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { users } from '$lib/server/db/schema';
import {
	acceptVolunteerAgreement,
	currentVolunteerAcceptance,
	currentVolunteerAgreement,
	VolunteerAgreementError
} from '$lib/server/volunteers/agreement';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const schema = zod4(recordAcceptanceSchema);

/** The helper, when this broker works in their neighbourhood (an admin everywhere). */
function guard(event: RequestEvent) {
	requireBroker(event);
	const person = getResident(db, event.params.id);
	if (!person || person.neighbourhoodId === null) error(404, 'not found');
	const user = requireBrokerOf(event, person.neighbourhoodId);
	const locale = db.select({ l: users.locale }).from(users).where(eq(users.id, person.id)).get()?.l;
	return { user, person: { ...person, neighbourhoodId: person.neighbourhoodId }, locale };
}

/** The current agreement in the helper's language, for the broker to read aloud or print. */
export const load: PageServerLoad = async (event) => {
	const { person, locale } = guard(event);
	const agreement = currentVolunteerAgreement(db, person.neighbourhoodId, toLocale(locale));
	return {
		person: { id: person.id, displayName: person.displayName, timeZone: person.timeZone },
		agreement,
		acceptance: currentVolunteerAcceptance(db, person.id, person.neighbourhoodId),
		form: await superValidate({ agreementId: agreement?.id }, schema, { errors: false })
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, person } = guard(event);
		const form = await superValidate(event.request, schema);
		if (!form.valid) return fail(400, { form });
		const current = currentVolunteerAgreement(db, person.neighbourhoodId, 'nl');
		// The text read aloud must be the current one of the helper's own neighbourhood.
		if (!current || current.id !== form.data.agreementId)
			return setError(form, 'method', 'volunteers_err_agreement_outdated', { status: 409 });
		try {
			acceptVolunteerAgreement(
				db,
				{
					userId: person.id,
					agreementId: current.id,
					method: form.data.method!,
					recordedById: user.id
				},
				clock.now()
			);
		} catch (e) {
			if (e instanceof VolunteerAgreementError)
				return setError(form, 'method', e.code, { status: 409 });
			throw e;
		}
		redirect(303, `/broker/volunteers/${person.id}/agreement`);
	}
};
