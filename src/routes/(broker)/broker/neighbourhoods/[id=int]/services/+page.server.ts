import { error } from '@sveltejs/kit';
import { fail, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { serviceSchema } from '$lib/schemas/intake';
import { requireBrokeredNeighbourhood } from '$lib/server/auth/guard';
import {
	addService,
	getService,
	listServices,
	openingText,
	parseOpeningHours,
	removeService,
	updateService
} from '$lib/server/broker/social-map';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as clock from '$lib/server/clock';
import { getLocale } from '$lib/paraglide/runtime.js';

export const load: PageServerLoad = async (event) => {
	const { n } = requireBrokeredNeighbourhood(event);
	const services = listServices(db, n.id);
	return {
		neighbourhood: { id: n.id, name: n.name },
		addForm: await superValidate(zod4(serviceSchema), { id: 'add', errors: false }),
		services: await Promise.all(
			services.map(async (s) => ({
				id: s.id,
				name: s.name,
				form: await superValidate(
					{
						name: s.name,
						description: s.description,
						kind: s.kind,
						phone: s.phone,
						address: s.address,
						website: s.website,
						hours: openingText(s, getLocale())
					},
					zod4(serviceSchema),
					{ id: `service-${s.id}`, errors: false }
				)
			}))
		)
	};
};

async function read(event: RequestEvent, id: string) {
	const form = await superValidate(event.request, zod4(serviceSchema), { id });
	if (!form.valid) return { failure: fail(400, { form }) };
	const hours = parseOpeningHours(form.data.hours);
	if (!hours) return { failure: setError(form, 'hours', 'intake_service_hours_invalid') };
	const { hours: _text, ...rest } = form.data;
	void _text;
	return { form, input: { ...rest, categoryIds: [], openingHours: hours } };
}

export const actions: Actions = {
	add: async (event) => {
		const { user, n } = requireBrokeredNeighbourhood(event);
		const r = await read(event, 'add');
		if ('failure' in r) return r.failure;
		addService(db, user.id, n.id, r.input, clock.now());
		return { form: await superValidate(zod4(serviceSchema), { id: 'add', errors: false }) };
	},
	edit: async (event) => {
		const { user, n } = requireBrokeredNeighbourhood(event);
		const service = getService(db, Number(event.url.searchParams.get('service')));
		if (!service || service.neighbourhoodId !== n.id) error(404, 'not found');
		const r = await read(event, `service-${service.id}`);
		if ('failure' in r) return r.failure;
		updateService(db, user.id, service, r.input, clock.now());
		return { form: r.form };
	},
	remove: async (event) => {
		const { user, n } = requireBrokeredNeighbourhood(event);
		const service = getService(db, Number(event.url.searchParams.get('service')));
		if (!service || service.neighbourhoodId !== n.id) error(404, 'not found');
		removeService(db, user.id, service, clock.now());
		return { removed: true };
	}
};
