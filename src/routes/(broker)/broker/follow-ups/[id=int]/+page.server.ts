import { error, fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { followUpAnswerSchema, hoursText, toFollowUpAnswer } from '$lib/schemas/followup';
import { getLocale } from '$lib/paraglide/runtime.js';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { writingLanguageOf } from '$lib/server/broker/residents';
import { answerOnBehalf, asksHelper } from '$lib/server/followup/answer';
import { followUpForBroker } from '$lib/server/followup/view';
import { lettersAboutFollowUp } from '$lib/server/letters/print';
import { firstName } from '$lib/server/profile/public';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const schema = zod4(followUpAnswerSchema);

/** The follow-up, when it belongs to a neighbourhood this broker works in. */
function followUpOf(event: RequestEvent) {
	requireBroker(event);
	const view = followUpForBroker(db, Number(event.params.id));
	if (!view) error(404, 'not found');
	const broker = requireBrokerOf(event, view.post.neighbourhoodId);
	return { view, broker };
}

export const load: PageServerLoad = async (event) => {
	const { view } = followUpOf(event);
	const other = view.person.id === view.match.helperId ? view.requesterName : view.helperName;
	// The helper is asked how long it took, starting from the request's estimate (in the
	// broker's own way of writing numbers: the broker types it in).
	const askHours = asksHelper(db, view.followUp);
	const estimate = askHours ? view.post.durationMinutes : null;
	return {
		askHours,
		followUp: {
			id: view.followUp.id,
			round: view.followUp.round,
			dueAt: view.followUp.dueAt,
			sentAt: view.followUp.sentAt,
			remindedAt: view.followUp.remindedAt,
			answered: view.followUp.answeredAt !== null
		},
		person: { id: view.person.id, name: view.person.displayName, phone: view.person.phone },
		other: firstName(other),
		post: { id: view.post.id, title: view.post.title },
		helperName: view.helperName,
		requesterName: view.requesterName,
		answers: view.all
			.filter((f) => f.answeredAt !== null)
			.map((f) => ({
				id: f.id,
				name: f.name,
				round: f.round,
				answeredAt: f.answeredAt!,
				byBroker: f.answeredById !== null,
				outcome: f.outcome!,
				continuation: f.continuation,
				comment: f.comment,
				minutes: f.minutes,
				// The answer is in the person's words (also when the broker typed them in).
				lang: writingLanguageOf(db, f.userId) ?? undefined
			})),
		// Asked by letter: the broker types in the reply form that came back.
		letters: lettersAboutFollowUp(db, view.followUp.id),
		form:
			estimate === null
				? await superValidate(schema)
				: await superValidate({ hours: hoursText(estimate, getLocale()) }, schema, {
						errors: false
					})
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { view, broker } = followUpOf(event);
		const form = await superValidate(event.request, schema);
		if (!form.valid) return fail(400, { form });
		const saved = answerOnBehalf(
			db,
			view.followUp.id,
			broker.id,
			toFollowUpAnswer(form.data),
			clock.now()
		);
		return saved ? { form, saved: true } : fail(409, { form, already: true });
	}
};
