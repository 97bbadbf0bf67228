import { isolate } from '$lib/i18n';
import { getLocale } from '$lib/paraglide/runtime.js';
import { error } from '@sveltejs/kit';
import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import {
	assignBrokerSchema,
	neighbourhoodSchema,
	removeBrokerSchema
} from '$lib/schemas/neighbourhood';
import { setRenewedSessionCookie } from '$lib/server/auth/cookie';
import { requireAdmin } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import {
	getNeighbourhood,
	neighbourhoodProblems,
	timeZoneChoices,
	toNeighbourhoodForm,
	updateNeighbourhood
} from '$lib/server/neighbourhoods/admin';
import { assignBroker, listBrokers, removeBroker } from '$lib/server/neighbourhoods/brokers';
import { showProblems } from '../problems';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

function neighbourhoodOr404(id: string) {
	const n = getNeighbourhood(db, Number(id));
	if (!n) error(404, 'not found');
	return n;
}

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const n = neighbourhoodOr404(event.params.id);
	const form = await superValidate(toNeighbourhoodForm(n), zod4(neighbourhoodSchema), {
		id: 'neighbourhood',
		errors: false
	});
	return {
		neighbourhood: { id: n.id, name: n.name },
		form,
		assignForm: await superValidate(zod4(assignBrokerSchema), { id: 'assign' }),
		brokers: listBrokers(db, n.id),
		timeZones: timeZoneChoices(n.timeZone),
		mapCentre: { lat: n.centreLat, lon: n.centreLon },
		created: event.url.searchParams.has('created')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireAdmin(event);
		const n = neighbourhoodOr404(event.params.id);
		const form = await superValidate(event.request, zod4(neighbourhoodSchema), {
			id: 'neighbourhood'
		});
		showProblems(form, neighbourhoodProblems(db, form.data, n.id));
		if (!form.valid) return fail(400, { form });
		const result = updateNeighbourhood(db, user.id, n.id, form.data, clock.now());
		if (!result) error(404, 'not found');
		if (!result.ok) {
			showProblems(form, result.errors);
			return fail(400, { form });
		}
		// Show what was stored: the slug made from the name, the closed boundary, the sorted hours.
		form.data = toNeighbourhoodForm(neighbourhoodOr404(event.params.id));
		return message(form, { type: 'ok', text: m.form_saved() });
	},

	assign: async (event) => {
		const user = requireAdmin(event);
		const n = neighbourhoodOr404(event.params.id);
		const form = await superValidate(event.request, zod4(assignBrokerSchema), { id: 'assign' });
		if (!form.valid) return fail(400, { form });
		const result = assignBroker(
			db,
			user.id,
			n.id,
			form.data.email,
			clock.now(),
			event.locals.session
		);
		if (!result.ok) {
			if (result.reason === 'no_neighbourhood') error(404, 'not found');
			return setError(
				form,
				'email',
				result.reason === 'no_account' ? 'admin_broker_no_account' : 'admin_broker_not_active'
			);
		}
		setRenewedSessionCookie(event.cookies, event.url, result.renewed);
		form.data.email = '';
		const text = result.already
			? m.admin_broker_already({ name: isolate(result.user.displayName, getLocale()) })
			: m.admin_broker_assigned({ name: isolate(result.user.displayName, getLocale()) });
		return message(form, { type: 'ok', text });
	},

	removeBroker: async (event) => {
		const user = requireAdmin(event);
		const n = neighbourhoodOr404(event.params.id);
		const form = await superValidate(event.request, zod4(removeBrokerSchema));
		if (!form.valid) error(400, 'bad request');
		const result = removeBroker(
			db,
			user.id,
			n.id,
			form.data.userId,
			clock.now(),
			event.locals.session
		);
		if (!result.ok)
			return { brokerNotice: { type: 'error' as const, text: m.admin_broker_gone() } };
		setRenewedSessionCookie(event.cookies, event.url, result.renewed);
		const name = result.user.displayName;
		const text =
			result.role === 'resident'
				? m.admin_broker_removed_resident({ name })
				: m.admin_broker_removed({ name });
		return { brokerNotice: { type: 'ok' as const, text } };
	}
};
