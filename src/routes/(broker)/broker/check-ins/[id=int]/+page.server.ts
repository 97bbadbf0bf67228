import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import { callsOf, endCheckIns, named } from '$lib/server/check-ins/plans';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { checkInPlans, neighbourhoods } from '$lib/server/db/schema';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** A plan of one of the broker's neighbourhoods. */
function planFor(event: RequestEvent) {
	requireBroker(event);
	const plan = db
		.select()
		.from(checkInPlans)
		.where(eq(checkInPlans.id, Number(event.params.id)))
		.get();
	if (!plan) error(404, 'not found');
	const user = requireBrokerOf(event, plan.neighbourhoodId);
	return { user, plan };
}

export const load: PageServerLoad = (event) => {
	const { plan } = planFor(event);
	return {
		plan: named(db, plan),
		timeZone: db
			.select({ tz: neighbourhoods.timeZone })
			.from(neighbourhoods)
			.where(eq(neighbourhoods.id, plan.neighbourhoodId))
			.get()!.tz,
		calls: callsOf(db, plan.id).filter((c) => c.dueAt <= clock.now() || c.outcome !== null)
	};
};

export const actions: Actions = {
	end: async (event) => {
		const { user, plan } = planFor(event);
		endCheckIns(db, plan, user.id, clock.now());
		return { ended: true };
	}
};
