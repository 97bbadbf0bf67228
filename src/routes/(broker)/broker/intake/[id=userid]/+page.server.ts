import { isLanguageCode } from '$lib/profile/languages';
import { error } from '@sveltejs/kit';
import { fail, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { toLocale } from '$lib/i18n';
import { proxySchema } from '$lib/schemas/intake';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import { linkProxy, proxiesOf, revokeProxy } from '$lib/server/broker/carers';
import { getRegisteredResident, openCallTasksOf } from '$lib/server/broker/intake';
import { db } from '$lib/server/db';
import { streets, users } from '$lib/server/db/schema';
import { eq } from 'drizzle-orm';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as clock from '$lib/server/clock';

function guard(event: RequestEvent) {
	requireBroker(event);
	const found = getRegisteredResident(db, event.params.id);
	if (!found || found.user.neighbourhoodId === null) error(404, 'not found');
	const user = requireBrokerOf(event, found.user.neighbourhoodId);
	return { user, found };
}

export const load: PageServerLoad = async (event) => {
	const { found } = guard(event);
	const r = found.user;
	const street = r.streetId
		? db.select({ name: streets.name }).from(streets).where(eq(streets.id, r.streetId)).get()
		: undefined;
	const recorder = found.consentById
		? db
				.select({ name: users.displayName })
				.from(users)
				.where(eq(users.id, found.consentById))
				.get()
		: undefined;
	return {
		resident: {
			id: r.id,
			displayName: r.displayName,
			phone: r.phone,
			address: street ? `${street.name} ${r.houseNumber ?? ''}`.trim() : null,
			contactBy: r.contactBy,
			languages: (JSON.parse(r.languages) as string[]).filter(isLanguageCode),
			locale: toLocale(r.locale),
			hasEmail: !!r.email
		},
		// Just registered (from the intake form): the page says so above what was noted.
		registered: event.url.searchParams.has('registered'),
		consent: found.consentAt ? { at: found.consentAt, by: recorder?.name ?? '' } : null,
		calls: openCallTasksOf(db, r.id),
		proxies: proxiesOf(db, r.id),
		proxyForm: await superValidate(zod4(proxySchema), { id: 'proxy', errors: false })
	};
};

export const actions: Actions = {
	link: async (event) => {
		const { user, found } = guard(event);
		const form = await superValidate(event.request, zod4(proxySchema), { id: 'proxy' });
		if (!form.valid) return fail(400, { proxyForm: form });
		const result = linkProxy(db, user, found.user.id, form.data.email, clock.now());
		if (!result.ok) return setError(form, 'email', result.error);
		form.message = { type: 'ok', text: m.intake_proxy_linked() };
		return { proxyForm: form };
	},
	revoke: async (event) => {
		const { found } = guard(event);
		const id = Number((await event.request.formData()).get('linkId'));
		if (!proxiesOf(db, found.user.id).some((p) => p.id === id)) error(404, 'not found');
		revokeProxy(db, id, clock.now());
		return { revoked: true };
	}
};
