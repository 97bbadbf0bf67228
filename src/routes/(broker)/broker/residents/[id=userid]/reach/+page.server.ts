import { error } from '@sveltejs/kit';
import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { LANGUAGE_NAMES } from '$lib/i18n';
import { messageLanguageSchema } from '$lib/schemas/intake';
import { messageLanguageOf, setMessageLanguage } from '$lib/server/broker/message-language';
import { m } from '$lib/paraglide/messages.js';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import { getResident } from '$lib/server/broker/residents';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { lastReached } from '$lib/server/notify/last-reached';
import { readReach } from '$lib/server/notify/preferences';
import { reachForm, submitReach } from '$lib/server/notify/reach-form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The person, when this broker works in their neighbourhood (an admin everywhere). */
function guard(event: RequestEvent) {
	requireBroker(event);
	const person = getResident(db, event.params.id);
	if (!person || person.neighbourhoodId === null) error(404, 'not found');
	const user = requireBrokerOf(event, person.neighbourhoodId);
	return { user, person };
}

/** How we reach someone, set by their broker on the phone with them (audited). */
export const load: PageServerLoad = async (event) => {
	const { person } = guard(event);
	const reach = readReach(db, person.id);
	if (!reach) error(404, 'not found');
	return {
		person: { id: person.id, displayName: person.displayName, timeZone: person.timeZone },
		last: lastReached(db, [person.id]).get(person.id) ?? null,
		channels: reach.channels,
		form: await reachForm(reach),
		languageForm: await superValidate(
			{ locale: messageLanguageOf(db, person.id) },
			zod4(messageLanguageSchema),
			{ id: 'language', errors: false }
		)
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { user, person } = guard(event);
		const saved = m.notify_broker_saved({ name: person.displayName });
		return submitReach(db, event.request, person.id, user.id, saved, clock.now());
	},
	// The language of their mail, SMS and letters, chosen with them on the phone (audited).
	language: async (event) => {
		const { user, person } = guard(event);
		const form = await superValidate(event.request, zod4(messageLanguageSchema), {
			id: 'language'
		});
		if (!form.valid) return fail(400, { languageForm: form });
		const result = setMessageLanguage(db, person.id, user.id, form.data.locale, clock.now());
		if (!result.ok) return setError(form, 'locale', 'intake_err_locale');
		return message(form, {
			type: 'ok',
			text: m.intake_locale_saved({
				name: person.displayName,
				language: LANGUAGE_NAMES[result.locale]!
			})
		});
	}
};
