import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { partnerGrantSchema } from '$lib/schemas/partners';
import { requireBrokeredNeighbourhood } from '$lib/server/auth/guard';
import { grantPartner, partnersOfNeighbourhood, revokePartner } from '$lib/server/backoffice/roles';
import { listServices } from '$lib/server/broker/social-map';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { partnerLinks, services } from '$lib/server/db/schema';
import { and, eq, isNull } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';

const REASONS = {
	no_account: 'partners_err_no_account',
	not_active: 'partners_err_not_active',
	other_role: 'partners_err_other_role',
	not_found: 'partners_err_service'
} as const;

// Partner accounts of this neighbourhood's social map: who may refer people in, from which service.
export const load: PageServerLoad = async (event) => {
	const { n } = requireBrokeredNeighbourhood(event);
	return {
		neighbourhood: { id: n.id, name: n.name },
		services: listServices(db, n.id).map((s) => ({ value: String(s.id), label: s.name })),
		partners: partnersOfNeighbourhood(db, n.id),
		form: await superValidate(zod4(partnerGrantSchema), { errors: false })
	};
};

export const actions: Actions = {
	grant: async (event) => {
		const { user, n } = requireBrokeredNeighbourhood(event);
		const form = await superValidate(event.request, zod4(partnerGrantSchema));
		if (!form.valid) return fail(400, { form });
		// Only a service of this neighbourhood.
		const service = db
			.select({ id: services.id })
			.from(services)
			.where(and(eq(services.id, form.data.serviceId), eq(services.neighbourhoodId, n.id)))
			.get();
		if (!service) return setError(form, 'serviceId', 'partners_err_service');
		const r = grantPartner(db, user.id, service.id, form.data.email, clock.now());
		if (!r.ok)
			return setError(form, r.reason === 'not_found' ? 'serviceId' : 'email', REASONS[r.reason]);
		return message(form, {
			type: 'ok',
			text: r.already ? m.partners_grant_already() : m.partners_grant_done({ name: r.displayName })
		});
	},
	revoke: async (event) => {
		const { user, n } = requireBrokeredNeighbourhood(event);
		const linkId = Number((await event.request.formData()).get('linkId'));
		// Only a link to a service of this neighbourhood.
		const link = db
			.select({ id: partnerLinks.id })
			.from(partnerLinks)
			.innerJoin(services, eq(services.id, partnerLinks.serviceId))
			.where(
				and(
					eq(partnerLinks.id, linkId),
					eq(services.neighbourhoodId, n.id),
					isNull(partnerLinks.revokedAt)
				)
			)
			.get();
		if (!link) return fail(404, { revokeError: true });
		revokePartner(db, user.id, link.id, clock.now());
		return { revoked: true };
	}
};
