import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import * as clock from '$lib/server/clock';
import { deskSeesContact, requireSomeDesk } from '$lib/server/lending/desk/access';
import { borrowerHistory } from '$lib/server/lending/history';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user, neighbourhoodId } = requireSomeDesk(event);
	const h = borrowerHistory(db, event.params.userId);
	if (!h) error(404, 'not_found');
	// Only the loans of tools of this desk's neighbourhood.
	const loans = h.loans.filter((l) => l.neighbourhoodId === neighbourhoodId);
	// security: a desk sees the people of its own neighbourhood and those who borrowed its tools,
	// never the name and phone number of anyone else.
	if (loans.length === 0 && h.person.neighbourhoodId !== neighbourhoodId) error(403, 'forbidden');
	const { id, name, phone, email } = h.person;
	// Desk volunteers see how to reach someone only when they have a late tool of this desk.
	const contact = deskSeesContact(db, user, neighbourhoodId, clock.now(), id);
	return {
		person: { id, name, phone: contact ? phone : null, email: contact ? email : null },
		contact,
		loans
	};
};
