import { error, redirect } from '@sveltejs/kit';
import { fail, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { residentNoteSchema } from '$lib/schemas/intake';
import { reasonSchema } from '$lib/schemas/talk';
import { joinDateParts } from '$lib/schemas/fields';
import { grantSchema, revokeSchema } from '$lib/schemas/trust';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import { getResident } from '$lib/server/broker/residents';
import { suspendPerson, unsuspendPerson } from '$lib/server/broker/suspension';
import { addResidentNote, readResidentNotes } from '$lib/server/broker/notes';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { localDate } from '$lib/server/calendar';
import { lastReached } from '$lib/server/notify/last-reached';
import { earnedBadges } from '$lib/server/trust/earned';
import { grantBadge } from '$lib/server/trust/grant';
import { badgeRecord } from '$lib/server/trust/record';
import { revokeBadge } from '$lib/server/trust/revoke';
import { careOf } from '$lib/server/circles/broker-view';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The person, when this broker works in their neighbourhood (an admin everywhere). */
function guard(event: RequestEvent) {
	requireBroker(event);
	const person = getResident(db, event.params.id);
	if (!person || person.neighbourhoodId === null) error(404, 'not found');
	const user = requireBrokerOf(event, person.neighbourhoodId);
	return { user, person };
}

const revokeId = (badgeId: number) => `revoke-${badgeId}`;

export const load: PageServerLoad = async (event) => {
	const { person, user } = guard(event);
	const now = clock.now();
	const record = badgeRecord(db, person.id, now);
	return {
		person: {
			id: person.id,
			displayName: person.displayName,
			email: person.email,
			phone: person.phone,
			status: person.status,
			statusReason: person.statusReason,
			isResident: person.role === 'resident',
			neighbourhood: person.neighbourhood,
			timeZone: person.timeZone,
			certificateYears: person.certificateValidityYears
		},
		lastReached: lastReached(db, [person.id]).get(person.id) ?? null,
		care: careOf(db, person.id),
		// Brokers only: these carry the confidential notes and reasons.
		current: await Promise.all(
			record.current.map(async (b) => ({
				...b,
				revokeForm: await superValidate(zod4(revokeSchema), {
					id: revokeId(b.id),
					errors: false
				})
			}))
		),
		history: record.history,
		earned: earnedBadges(db, person.id)!,
		grantForm: await superValidate(
			{ checkedOn: localDate(now, person.timeZone) },
			zod4(grantSchema),
			{
				id: 'grant',
				errors: false
			}
		),
		suspendForm: await superValidate(zod4(reasonSchema), { id: 'suspend', errors: false }),
		// Confidential: brokers of this neighbourhood only; reading them is logged.
		notes: readResidentNotes(db, person, user.id, now),
		noteForm: await superValidate(zod4(residentNoteSchema), { id: 'note', errors: false }),
		noted: event.url.searchParams.has('noted'),
		granted: event.url.searchParams.has('granted'),
		suspended: event.url.searchParams.has('suspended'),
		unsuspended: event.url.searchParams.has('unsuspended'),
		revoked: event.url.searchParams.has('revoked')
	};
};

export const actions: Actions = {
	grant: async (event) => {
		const { user, person } = guard(event);
		const posted = joinDateParts(
			await event.request.formData(),
			'checkedOn',
			'issuedOn',
			'trainingOn'
		);
		const form = await superValidate(posted, zod4(grantSchema), { id: 'grant' });
		if (!form.valid) return fail(400, { grantForm: form });
		const kind = form.data.kind;
		const training = kind === 'training';
		const result = grantBadge(
			db,
			{
				userId: person.id,
				brokerId: user.id,
				kind,
				checkedOn: form.data.checkedOn,
				note: form.data.note,
				issuedOn: training ? form.data.trainingOn : form.data.issuedOn,
				label: training ? form.data.trainingName : null
			},
			clock.now()
		);
		if (!result.ok) {
			if (!('field' in result)) {
				if (result.error === 'self') return setError(form, 'kind', 'trust_err_self');
				error(404, 'not found');
			}
			const field =
				result.field === 'label'
					? 'trainingName'
					: result.field === 'issuedOn' && training
						? 'trainingOn'
						: result.field;
			return setError(form, field, result.error);
		}
		redirect(303, `/broker/residents/${person.id}?granted=1`);
	},
	// Their posts leave public view, they are signed out and told why (suspension.ts).
	suspend: async (event) => {
		const { user, person } = guard(event);
		const form = await superValidate(event.request, zod4(reasonSchema), { id: 'suspend' });
		if (!form.valid) return fail(400, { suspendForm: form });
		if (!suspendPerson(db, person.id, user.id, form.data.reason, clock.now()))
			return setError(form, 'reason', 'broker_err_not_suspendable');
		redirect(303, `/broker/residents/${person.id}?suspended=1`);
	},
	note: async (event) => {
		const { user, person } = guard(event);
		const form = await superValidate(event.request, zod4(residentNoteSchema), { id: 'note' });
		if (!form.valid) return fail(400, { noteForm: form });
		addResidentNote(db, person, user.id, form.data.body, clock.now());
		redirect(303, `/broker/residents/${person.id}?noted=1#notes-heading`);
	},
	unsuspend: async (event) => {
		const { user, person } = guard(event);
		if (!unsuspendPerson(db, person.id, user.id, clock.now())) error(409, 'not suspended');
		redirect(303, `/broker/residents/${person.id}?unsuspended=1`);
	},
	revoke: async (event) => {
		const { user, person } = guard(event);
		const badgeId = Number(event.url.searchParams.get('badge'));
		if (!Number.isInteger(badgeId) || badgeId < 1) error(404, 'not found');
		const form = await superValidate(event.request, zod4(revokeSchema), { id: revokeId(badgeId) });
		if (!form.valid) return fail(400, { revokeForm: form });
		const result = revokeBadge(
			db,
			{ badgeId, userId: person.id, brokerId: user.id, reason: form.data.reason },
			event.url.origin,
			clock.now()
		);
		if (!result.ok && result.error === 'not_found') error(404, 'not found');
		if (!result.ok) return setError(form, 'reason', 'trust_err_already_revoked');
		redirect(303, `/broker/residents/${person.id}?revoked=1`);
	}
};
