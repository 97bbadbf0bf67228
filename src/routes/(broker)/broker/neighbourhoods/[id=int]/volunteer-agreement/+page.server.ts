import { redirect } from '@sveltejs/kit';
import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import {
	agreementRequiredSchema,
	bodyFromForm,
	formFromBody,
	volunteerAgreementSchema
} from '$lib/schemas/volunteer-agreement';
import { requireBrokeredNeighbourhood } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import {
	acceptedCount,
	agreementRequired,
	latestVolunteerAgreement,
	publishVolunteerAgreement,
	setAgreementRequired,
	volunteerAgreementVersions
} from '$lib/server/volunteers/agreement';
import type { Actions, PageServerLoad } from './$types';

const agreementForm = zod4(volunteerAgreementSchema);
const requiredForm = zod4(agreementRequiredSchema);

/** The volunteer agreement: its versions, who accepted, a new version, and whether it is required. */
export const load: PageServerLoad = async (event) => {
	const { n } = requireBrokeredNeighbourhood(event);
	const latest = latestVolunteerAgreement(db, n.id);
	return {
		neighbourhood: { id: n.id, name: n.name, timeZone: n.timeZone },
		current: latest ? { version: latest.version, publishedAt: latest.publishedAt } : null,
		versions: volunteerAgreementVersions(db, n.id),
		count: acceptedCount(db, n.id),
		published: event.url.searchParams.has('published'),
		// A new version starts from the current text, so a broker changes only what changed.
		form: await superValidate(latest ? formFromBody(latest.body) : {}, agreementForm, {
			id: 'agreement',
			errors: false
		}),
		requiredForm: await superValidate({ required: agreementRequired(db, n.id) }, requiredForm, {
			id: 'required',
			errors: false
		})
	};
};

export const actions: Actions = {
	publish: async (event) => {
		const { user, n } = requireBrokeredNeighbourhood(event);
		const form = await superValidate(event.request, agreementForm, { id: 'agreement' });
		if (!form.valid) return fail(400, { form });
		publishVolunteerAgreement(db, n.id, bodyFromForm(form.data), user.id, clock.now());
		redirect(303, `/broker/neighbourhoods/${n.id}/volunteer-agreement?published=1`);
	},
	required: async (event) => {
		const { user, n } = requireBrokeredNeighbourhood(event);
		const form = await superValidate(event.request, requiredForm, { id: 'required' });
		if (!form.valid) return fail(400, { requiredForm: form });
		setAgreementRequired(db, n.id, form.data.required, user.id, clock.now());
		return message(form, { type: 'ok', text: m.volunteers_editor_required_saved() });
	}
};
