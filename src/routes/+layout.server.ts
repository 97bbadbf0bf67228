import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { isDemo } from '$lib/server/demo/mode';
import { openProposalsOf } from '$lib/server/matching/open-proposals';
import { unreadCount } from '$lib/server/talk/conversations';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.user;
	return {
		// A whitelist of what every page may know about the person.
		user: user
			? {
					id: user.id,
					displayName: user.displayName,
					role: user.role,
					emailVerified: user.emailVerified
				}
			: null,
		unread: user ? unreadCount(db, user.id) : 0,
		/** The broker's proposals this person has not answered: menu, home page, conversations. */
		openProposals: user ? openProposalsOf(db, user.id) : [],
		demo: isDemo(db),
		/** Map tiles, from PUBLIC_TILE_URL (validated at start-up). */
		tileUrl: config.PUBLIC_TILE_URL
	};
};
