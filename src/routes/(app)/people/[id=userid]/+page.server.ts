import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { getPublicProfile } from '$lib/server/profile/public';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const profile = getPublicProfile(db, event.params.id, getLocale());
	if (!profile) error(404, 'not found');
	return { profile, own: profile.id === user.id };
};
