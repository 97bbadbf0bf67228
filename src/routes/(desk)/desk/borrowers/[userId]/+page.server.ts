import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { requireSomeDesk } from '$lib/server/lending/desk-access';
import { borrowerHistory } from '$lib/server/lending/history';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { neighbourhoodId } = requireSomeDesk(event);
	const h = borrowerHistory(db, event.params.userId);
	if (!h) error(404, 'not_found');
	// Only the loans of tools of this desk's neighbourhood.
	return { person: h.person, loans: h.loans.filter((l) => l.neighbourhoodId === neighbourhoodId) };
};
