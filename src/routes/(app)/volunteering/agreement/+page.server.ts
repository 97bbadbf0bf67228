import { fail, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getLocale } from '$lib/paraglide/runtime.js';
import { requireUser } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { neighbourhoods, users } from '$lib/server/db/schema';
import {
	acceptVolunteerAgreement,
	currentVolunteerAcceptance,
	currentVolunteerAgreement,
	VolunteerAgreementError
} from '$lib/server/volunteers/agreement';
import { safeNext } from '$lib/server/volunteers/agreement-gate';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The signed-in person and their neighbourhood (with its time zone); staff may have none. */
function helper(event: RequestEvent) {
	const user = requireUser(event);
	const hood = db
		.select({ id: neighbourhoods.id, timeZone: neighbourhoods.timeZone })
		.from(users)
		.innerJoin(neighbourhoods, eq(neighbourhoods.id, users.neighbourhoodId))
		.where(eq(users.id, user.id))
		.get();
	return { user, hood };
}

export const load: PageServerLoad = (event) => {
	const { user, hood } = helper(event);
	return {
		agreement: hood ? currentVolunteerAgreement(db, hood.id, getLocale()) : null,
		acceptance: hood ? currentVolunteerAcceptance(db, user.id, hood.id) : null,
		timeZone: hood?.timeZone,
		next: safeNext(event.url.searchParams.get('next'))
	};
};

const acceptSchema = z.object({ agreementId: z.coerce.number().int().positive() });

export const actions: Actions = {
	accept: async (event) => {
		const { user, hood } = helper(event);
		const parsed = acceptSchema.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success) return fail(400, { error: 'volunteers_err_no_agreement' as const });
		const current = hood ? currentVolunteerAgreement(db, hood.id, 'nl') : null;
		// Only this neighbourhood's agreement: an id of another one is "no agreement" here.
		if (!current || current.id !== parsed.data.agreementId)
			return fail(409, {
				error: current
					? ('volunteers_err_agreement_outdated' as const)
					: ('volunteers_err_no_agreement' as const)
			});
		try {
			acceptVolunteerAgreement(
				db,
				{ userId: user.id, agreementId: current.id, method: 'online' },
				clock.now()
			);
		} catch (e) {
			if (e instanceof VolunteerAgreementError) return fail(409, { error: e.code });
			throw e;
		}
		const next = safeNext(event.url.searchParams.get('next'));
		redirect(303, next ?? '/volunteering/agreement?accepted=1');
	}
};
