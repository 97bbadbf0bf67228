import { redirect } from '@sveltejs/kit';
import { fail, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { agreementTextSchema } from '$lib/schemas/lending';
import { locales } from '$lib/paraglide/runtime.js';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { requireSomeDesk } from '$lib/server/lending/desk/access';
import { latestAgreement } from '$lib/server/lending/agreements';
import { publishDeskAgreement } from '$lib/server/lending/desk/agreement';
import type { Actions, PageServerLoad } from './$types';

/** The borrower agreement: the current version, and a new version (never an edit of the old one). */
export const load: PageServerLoad = async (event) => {
	const { neighbourhoodId } = requireSomeDesk(event);
	const current = latestAgreement(db, neighbourhoodId);
	return {
		current,
		saved: event.url.searchParams.has('saved'),
		form: await superValidate(
			Object.fromEntries(locales.map((l) => [l, current?.body[l] ?? ''])),
			zod4(agreementTextSchema),
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	publish: async (event) => {
		const { user, neighbourhoodId } = requireSomeDesk(event);
		const form = await superValidate(event.request, zod4(agreementTextSchema));
		if (!form.valid) return fail(400, { form });
		publishDeskAgreement(db, neighbourhoodId, form.data, user.id, clock.now());
		redirect(303, '/desk/agreement?saved=1');
	}
};
