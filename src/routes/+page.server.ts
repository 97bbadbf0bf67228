import { db } from '$lib/server/db';
import { callUsList } from '$lib/server/neighbourhoods/call-us';
import type { PageServerLoad } from './$types';

// The home page lists every neighbourhood's number, the person's own first.
export const load: PageServerLoad = ({ locals }) => ({
	callUs: callUsList(db, { userId: locals.user?.id })
});
