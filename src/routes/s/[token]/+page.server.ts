import { redirect } from '@sveltejs/kit';
import * as clock from '$lib/server/clock';
import { db } from '$lib/server/db';
import { resolveShortLink } from '$lib/server/links/short';
import { callUsList } from '$lib/server/neighbourhoods/call-us';
import type { PageServerLoad } from './$types';

// The short link in an SMS: it leads to the page the long link would, which checks its own
// token or sign-in. Opening it changes nothing.
export const load: PageServerLoad = ({ params, locals }) => {
	const target = resolveShortLink(db, params.token, clock.now());
	if (target) redirect(303, target);
	return { callUs: callUsList(db, { userId: locals.user?.id ?? null }) };
};
