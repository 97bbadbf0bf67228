import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { requireUser } from '$lib/server/auth/guard';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { volunteeringStatement } from '$lib/server/volunteers/statement';
import { statementText } from '$lib/server/volunteers/statement-text';
import type { PageServerLoad } from './$types';

/** One's own volunteering statement, to print; nobody else's can be asked for. */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const statement = volunteeringStatement(db, user.id, getLocale(), clock.now());
	if (!statement) error(404, 'not found');
	return { text: statementText(statement, getLocale()) };
};
