import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { listConversations } from '$lib/server/talk/conversations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { conversations: listConversations(db, user.id) };
};
