import { error, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import { startCircle } from '$lib/server/circles/circles';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { users } from '$lib/server/db/schema';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The resident from `?resident=`, for a broker of their neighbourhood. */
function residentFor(event: RequestEvent) {
	requireBroker(event);
	const id = event.url.searchParams.get('resident') ?? '';
	const person = db.select().from(users).where(eq(users.id, id)).get();
	if (!person || person.status !== 'active' || person.neighbourhoodId === null)
		error(404, 'not found');
	const user = requireBrokerOf(event, person.neighbourhoodId);
	return { user, person };
}

export const load: PageServerLoad = (event) => {
	const { person } = residentFor(event);
	return { person: { id: person.id, name: person.displayName } };
};

export const actions: Actions = {
	default: async (event) => {
		const { user, person } = residentFor(event);
		const started = startCircle(
			db,
			{ centreId: person.id, startedById: user.id, byBroker: true },
			clock.now()
		);
		if (!started.ok) error(400, 'cannot start');
		redirect(303, `/broker/circles/${started.circle.id}`);
	}
};
