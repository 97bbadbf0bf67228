import { fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { speakRecipientLanguage } from '$lib/server/language-cookie';
import { followUpAnswerSchema, hoursText, toFollowUpAnswer } from '$lib/schemas/followup';
import { toLocale } from '$lib/i18n';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import {
	answerWithLink,
	asksHelper,
	checkFollowUpLink,
	linkNeighbourhood
} from '$lib/server/followup/answer';
import { callUsList } from '$lib/server/neighbourhoods/call-us';
import { followUpContext } from '$lib/server/followup/worker';
import { firstName } from '$lib/server/profile/public';
import type { Actions, PageServerLoad } from './$types';

const schema = zod4(followUpAnswerSchema);

// Works without signing in: the personal link is the permission. Opening it changes nothing
// (a mail scanner may open it); only sending the form does.
export const load: PageServerLoad = async ({ params, cookies, url }) => {
	const check = checkFollowUpLink(db, params.token, clock.now());
	const form = await superValidate(schema);
	// Whoever opens the link (signed in or not) is told to call the neighbourhood it is about.
	const callUs = callUsList(db, { neighbourhoodId: linkNeighbourhood(db, params.token) });
	if (!check.ok) return { state: check.reason, about: null, form, callUs };
	const { person, other, post } = followUpContext(db, check.followUp);
	// The form speaks the person's language (the browser may be someone else's).
	speakRecipientLanguage(cookies, url, person.locale);
	// The helper is asked how long it took, starting from the request's estimate.
	const askHours = asksHelper(db, check.followUp);
	const estimate = askHours && post.durationMinutes !== null ? post.durationMinutes : null;
	return {
		state: 'ready' as const,
		about: {
			title: post.title,
			other: firstName(other.displayName),
			ended: check.followUp.aboutEnd,
			askHours
		},
		form:
			estimate === null
				? form
				: await superValidate({ hours: hoursText(estimate, toLocale(person.locale)) }, schema, {
						errors: false
					}),
		callUs
	};
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const form = await superValidate(request, schema);
		if (!form.valid) return fail(400, { form });
		const answered = answerWithLink(db, params.token, toFollowUpAnswer(form.data), clock.now());
		if (!answered.ok) return { form, state: answered.reason };
		return { form, state: 'done' as const, callMe: form.data.outcome === 'call_me' };
	}
};
