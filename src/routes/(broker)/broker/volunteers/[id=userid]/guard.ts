import { error, type RequestEvent } from '@sveltejs/kit';
import { requireBroker, requireBrokerOf } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { volunteerPerson } from '$lib/server/volunteers/thanks';

/** The volunteer, when this broker works in their neighbourhood (an admin everywhere). */
export function volunteerOf(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	requireBroker(event);
	const person = volunteerPerson(db, event.params.id ?? '');
	if (!person) error(404, 'not found');
	const user = requireBrokerOf(event, person.neighbourhoodId);
	return { user, person };
}
